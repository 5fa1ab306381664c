package lanchat.doctor;

/** Whether a datagram this machine sent to its own unicast socket arrived. */
public enum SelfTest {
    ARRIVED,
    LOST,
    /** The socket could not be opened, so nothing was sent. */
    NOT_RUN
}
