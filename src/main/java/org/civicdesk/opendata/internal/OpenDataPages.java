package org.civicdesk.opendata.internal;

import java.io.IOException;

import org.civicdesk.shared.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletResponse;

/** The open-data catalogue (/public/data) and the archive it offers. */
@Controller
class OpenDataPages {

    private final OpenDataArchive archive;

    OpenDataPages(OpenDataArchive archive) {
        this.archive = archive;
    }

    @GetMapping("/public/data")
    String catalogue(Model model) {
        model.addAttribute("release", archive.latest().orElse(null));
        model.addAttribute("settings", archive.settings());
        model.addAttribute("fileName", OpenDataArchive.FILE_NAME);
        return "opendata/catalogue";
    }

    /** The newest archive, from the database, whichever node answers; its checksum is its ETag. */
    @GetMapping("/public/data/" + OpenDataArchive.FILE_NAME)
    void download(HttpServletResponse response) throws IOException {
        OpenDataArchive.Release release = archive.latest()
                .orElseThrow(() -> Problems.notFound("open data archive", OpenDataArchive.FILE_NAME));
        response.setContentType("application/zip");
        response.setContentLengthLong(release.size());
        response.setHeader(HttpHeaders.ETAG, "\"" + release.sha256() + "\"");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(OpenDataArchive.FILE_NAME).build().toString());
        archive.copyLatest(release.id(), response.getOutputStream());
    }
}
