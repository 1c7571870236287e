package paperboy.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A theme's members with its newest papers put in front of the ones it had, which are neither copied nor read: the
 * daily build adds a few papers to themes of thousands kept in the archive ({@link Lazy}).
 *
 * @param newest the new members, newest first
 * @param before the members it had
 */
public record Newest(List<String> newest, List<String> before) {

    public Newest {
        newest = List.copyOf(newest);
    }

    /** As a list: the new members, then the ones before. */
    public List<String> asList() {
        return new Members();
    }

    private final class Members extends AbstractList<String> implements Lazy, RandomAccess {
        @Override
        public String get(int i) {
            return i < newest.size() ? newest.get(i) : before.get(i - newest.size());
        }

        @Override
        public int size() {
            return newest.size() + before.size();
        }

        /** What it is made of, for the archive to write the members it kept by number. */
        Newest parts() {
            return Newest.this;
        }
    }

    /** The parts of {@code members} when it is a {@link #asList} list. */
    public static java.util.Optional<Newest> of(List<String> members) {
        return members instanceof Members m ? java.util.Optional.of(m.parts()) : java.util.Optional.empty();
    }
}
