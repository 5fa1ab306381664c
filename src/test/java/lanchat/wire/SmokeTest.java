package lanchat.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void builds() {
        assertTrue(true);
    }
}
