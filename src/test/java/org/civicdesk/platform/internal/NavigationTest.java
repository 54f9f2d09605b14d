package org.civicdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.junit.jupiter.api.Test;

class NavigationTest {

    private final Navigation navigation = new Navigation(List.of(
            () -> IntStream.range(0, 9).mapToObj(i -> NavEntry.everyone(NavGroup.PUBLIC, i, "p" + i, "/public/p" + i))
                    .toList(),
            () -> List.of(NavEntry.everyone(NavGroup.PUBLIC, -1, "nav.home", "/"),
                    NavEntry.forRoles(NavGroup.TASKS, 10, "nav.inbox", "/matters/inbox", Role.HANDLER),
                    NavEntry.forRoles(NavGroup.SUPERVISION, 20, "nav.matters", "/matters", Role.SUPERVISOR),
                    NavEntry.forRoles(NavGroup.SUPERVISION, 10, "nav.board", "/matters/board", Role.SUPERVISOR),
                    NavEntry.signedIn(NavGroup.MEETINGS, 10, "nav.myMeetings", "/my/meetings"),
                    NavEntry.forRoles(NavGroup.ADMIN, 10, "nav.accounts", "/directory/accounts", Role.ADMIN))));

    @Test
    void aVisitorSeesAtMostSevenEntriesInThePublicBarAndTheRestUnderMore() {
        Navigation.Menu menu = navigation.menu("/", false, Set.of());

        assertThat(menu.bar()).hasSize(6).first().extracting(NavEntry::path).isEqualTo("/");
        assertThat(menu.more()).extracting(NavEntry::path).containsExactly("/public/p5", "/public/p6", "/public/p7",
                "/public/p8");
        assertThat(menu.workbench()).isEmpty();
        assertThat(menu.admin()).isEmpty();
        assertThat(menu.active()).isEqualTo("/");
    }

    @Test
    void anAccountSeesTheGroupsItsRolesAllowInOrderAndNoBackOffice() {
        Navigation.Menu menu = navigation.menu("/matters/board", true, Set.of(Role.SUPERVISOR));

        assertThat(menu.workbench().keySet()).containsExactly(NavGroup.SUPERVISION, NavGroup.MEETINGS);
        assertThat(menu.workbench().get(NavGroup.SUPERVISION)).extracting(NavEntry::path)
                .containsExactly("/matters/board", "/matters");
        assertThat(menu.admin()).isEmpty();
        assertThat(menu.active()).as("the longest entry that covers the page").isEqualTo("/matters/board");
        assertThat(menu.workbenchActive()).isTrue();
    }

    @Test
    void aPageUnderAnEntryMarksItAndTheFrontPageOnlyItself() {
        assertThat(navigation.menu("/matters/42", true, Set.of(Role.SUPERVISOR)).active()).isEqualTo("/matters");
        assertThat(navigation.menu("/public/p10", false, Set.of()).active()).isNull();
        assertThat(navigation.menu("/login", false, Set.of()).active()).isNull();
    }

    @Test
    void theBackOfficeIsAnAdministratorsAlone() {
        Navigation.Menu menu = navigation.menu("/desk", true, Set.of(Role.ADMIN));

        assertThat(menu.admin()).extracting(NavEntry::path).containsExactly("/directory/accounts");
        assertThat(menu.workbench().keySet()).containsExactly(NavGroup.MEETINGS);
    }

    @Test
    void anEntryNeedsAPathFromTheRoot() {
        assertThatThrownBy(() -> NavEntry.everyone(NavGroup.PUBLIC, 0, "x", "public/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NavEntry.everyone(NavGroup.PUBLIC, 0, "x", "/public/x/"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
