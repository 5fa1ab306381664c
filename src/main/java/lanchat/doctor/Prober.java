package lanchat.doctor;

/** Talks to the network and reports what happened; the real one is {@link NetworkProbe}, tests fake it. */
public interface Prober {
    /** Blocks for the listening window (about 1.5 s) at most, plus socket set-up. */
    Exchange exchange();
}
