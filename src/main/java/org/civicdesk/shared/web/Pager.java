package org.civicdesk.shared.web;

import java.net.URI;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a long list: which lines of the whole it shows and the addresses of its neighbours,
 * which keep the list's filters ({@code templates/fragments/pager.html} shows it).
 *
 * @param from the number of its first line, counted from 1; 0 when the page is empty
 */
public record Pager(long total, long from, long to, String previous, String next) {

    /** The page a {@code page} parameter asks for, counted from 0; nonsense asks for the first. */
    public static int index(int requested) {
        return Math.max(0, requested);
    }

    /** The number of lines before the page. */
    public static long offset(int requested, int size) {
        return (long) index(requested) * size;
    }

    /** The pager of the current request's list, whose page has {@code shown} of {@code total} lines. */
    public static Pager of(long total, int shown, int requested, int size) {
        return of(total, shown, requested, size, "page");
    }

    /** As {@link #of(long, int, int, int)} for one of two lists on a page, whose page is the parameter {@code parameter}. */
    public static Pager of(long total, int shown, int requested, int size, String parameter) {
        int index = index(requested);
        long from = shown == 0 ? 0 : offset(index, size) + 1;
        long to = offset(index, size) + shown;
        var here = ServletUriComponentsBuilder.fromCurrentRequest();
        String previous = index > 0 ? here.replaceQueryParam(parameter, index - 1).build().toUriString() : null;
        String next = to < total ? here.replaceQueryParam(parameter, index + 1).build().toUriString() : null;
        return new Pager(total, from, to, relative(previous), relative(next));
    }

    /** Drops scheme and host, which behind a proxy may not be the ones the reader used. */
    private static String relative(String url) {
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
