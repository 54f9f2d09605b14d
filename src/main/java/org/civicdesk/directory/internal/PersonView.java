package org.civicdesk.directory.internal;

import java.util.List;

/**
 * A person with their posts. Phone and email are personal data: they are filled in only for
 * readers allowed to see them.
 */
public record PersonView(long id, String name, String orgCode, String orgName, List<Post> posts, String phone, String email,
        boolean example) {

    public record Post(String orgCode, String title) {
    }

    /** The posts as the paper writes them: 市委副书记、市委政法委书记. */
    public String titles() {
        return String.join("、", posts.stream().map(Post::title).toList());
    }
}
