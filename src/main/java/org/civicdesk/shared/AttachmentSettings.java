package org.civicdesk.shared;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * What files may be attached to a record ({@code civicdesk.attachments.*}, or {@code CIVICDESK_ATTACHMENTS_*}).
 *
 * @param maxSize the largest file taken (10MB by default); the servlet's own multipart limit
 *        ({@code spring.servlet.multipart.max-file-size}) must be at least as large
 * @param allowedTypes the media types taken: PDF, JPEG and PNG images, Word, Excel and plain text by
 *        default, the documents offices and residents send; anything a browser could run is left out
 */
@ConfigurationProperties("civicdesk.attachments")
@Validated
public record AttachmentSettings(@DefaultValue("10MB") @NotNull DataSize maxSize,
        @DefaultValue({ "application/pdf", "image/jpeg", "image/png", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain" })
        @NotEmpty Set<String> allowedTypes) {
}
