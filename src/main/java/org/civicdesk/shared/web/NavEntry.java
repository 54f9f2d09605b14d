package org.civicdesk.shared.web;

import java.util.Set;

import org.civicdesk.shared.Role;

/**
 * One entry of the navigation, contributed by the module that owns the page (see {@link NavEntries}).
 *
 * @param group where it shows
 * @param order its place within the group, lowest first
 * @param labelKey the message key of its label
 * @param path the page it opens, without the context path
 * @param audience who sees it
 * @param roles with {@link Audience#ROLES}, the roles any one of which shows it
 */
public record NavEntry(NavGroup group, int order, String labelKey, String path, Audience audience, Set<Role> roles) {

    /** Who sees an entry. */
    public enum Audience {
        /** Everyone, signed in or not. */
        EVERYONE,
        /** Anyone signed in. */
        SIGNED_IN,
        /** Those who hold one of the entry's roles. */
        ROLES
    }

    public NavEntry {
        roles = Set.copyOf(roles);
        if (!path.startsWith("/") || path.length() > 1 && path.endsWith("/")) {
            throw new IllegalArgumentException("A navigation path starts with / and does not end with one: " + path);
        }
    }

    public static NavEntry everyone(NavGroup group, int order, String labelKey, String path) {
        return new NavEntry(group, order, labelKey, path, Audience.EVERYONE, Set.of());
    }

    public static NavEntry signedIn(NavGroup group, int order, String labelKey, String path) {
        return new NavEntry(group, order, labelKey, path, Audience.SIGNED_IN, Set.of());
    }

    public static NavEntry forRoles(NavGroup group, int order, String labelKey, String path, Role... roles) {
        return new NavEntry(group, order, labelKey, path, Audience.ROLES, Set.of(roles));
    }

    /** Whether a reader with these roles (none and not signed in: a visitor) sees this entry. */
    public boolean visibleTo(boolean signedIn, Set<Role> held) {
        return switch (audience) {
            case EVERYONE -> true;
            case SIGNED_IN -> signedIn;
            case ROLES -> signedIn && held.stream().anyMatch(roles::contains);
        };
    }

    /** Whether this entry's page is {@code currentPath} or a page under it. */
    public boolean covers(String currentPath) {
        return currentPath.equals(path) || !path.equals("/") && currentPath.startsWith(path + "/");
    }
}
