package org.civicdesk.opendata.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.civicdesk.shared.OpenDataset;
import org.civicdesk.shared.PublicContent;
import org.springframework.stereotype.Component;

/**
 * Everything the public may read, of every kind, as the search indexes it (notices, calls, meetings,
 * answers, places, honours, campaigns, projects, deals): the kinds that have no table of their own in
 * the archive are here too. Each module's {@link PublicContent} decides what is public and removes
 * contact details.
 */
@Component
class PublicDocumentDataset implements OpenDataset {

    private final List<PublicContent> sources;

    PublicDocumentDataset(List<PublicContent> sources) {
        this.sources = sources.stream().sorted(Comparator.comparing(PublicContent::kind)).toList();
    }

    @Override
    public String name() {
        return "public_documents";
    }

    @Override
    public Meaning meaning() {
        return new Meaning("本站所有公开内容（公告、征集、会议、答复、场所、荣誉、募捐活动、项目等），每行一篇，与站内搜索所收录的相同。",
                "Everything public on the site (notices, calls, meetings, answers, places, honours, campaigns, "
                        + "projects and more), one document a row, as the site's search holds it.");
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.of("kind", "类别，如 NOTICE 公告、CALL 征集、MEETING 会议、ANSWER 答复", "Kind, e.g. NOTICE, CALL, MEETING, ANSWER"),
                Column.of("key", "在同一类别中的编号", "Its key within its kind"),
                Column.of("title", "标题，已隐去联系方式", "Title, contact details removed"),
                Column.of("text", "正文，已隐去联系方式", "Text, contact details removed"),
                Column.of("url", "站内网页地址", "Its page on the site"));
    }

    @Override
    public void rows(Consumer<List<Object>> row) {
        sources.forEach(source -> source.documents().forEach(d -> row.accept(Arrays.asList(d.kind(), d.key(),
                d.title(), d.text(), d.url()))));
    }
}
