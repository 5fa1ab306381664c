package lanchat.reliable;

import java.util.ArrayList;
import java.util.List;

/** Remembers every outcome a stream reports, in order. */
final class RecordingOutcomes implements Outcomes {
    final List<Integer> delivered = new ArrayList<>();
    final List<Integer> failed = new ArrayList<>();
    final List<String> reasons = new ArrayList<>();

    @Override
    public void delivered(int messageId) {
        delivered.add(messageId);
    }

    @Override
    public void failed(int messageId, String reason) {
        failed.add(messageId);
        reasons.add(reason);
    }
}
