package lanchat.bench;

import java.util.List;

/** The systems a group workload compares, as MemberWorker names them. */
final class GroupSystems {
    static final List<String> ALL = List.of("jgroups-stock", "jgroups-tuned", "lanchat", "lanchat-history");

    private GroupSystems() {}

    static boolean contains(String system) {
        return ALL.contains(system);
    }
}
