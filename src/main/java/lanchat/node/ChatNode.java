package lanchat.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import lanchat.message.Body;
import lanchat.message.MessageId;
import lanchat.message.Text;
import lanchat.session.Identity;
import lanchat.session.NoiseSessions;
import lanchat.session.RekeyPolicy;
import lanchat.session.SessionLayer;
import lanchat.session.noise.EphemeralKeys;
import lanchat.transport.UdpTransport;
import lanchat.wire.PeerNames;
import lanchat.wire.PeerRef;

/**
 * The one API of the peer engine: the terminal program, the tests and later the GUI use this and nothing
 * below it. All protocol state lives on one event-loop thread; these methods hand it work through a queue
 * and may be called from any thread.
 */
public final class ChatNode implements AutoCloseable {
    private final Engine engine;
    private final Driver driver;
    private final int maxPending;
    private final Permits pending;
    /** The engine's message ids: one source, so sends reach the loop in id order (protocol.md 4.2). */
    private final MessageIds ids;
    private volatile boolean stopped;
    private volatile Map<String, Long> finalCounters;
    /** Draws end-to-end message ids; guarded by itself (the user's threads and the loop draw). */
    private final RandomGenerator idRandom;
    private final LongSupplier wallMillis;
    /** Files over the bulk layer; touched only on the loop thread. */
    private final FileTransfers files;

    private ChatNode(Engine engine, Driver driver, int maxPending, RandomGenerator idRandom, LongSupplier wallMillis) {
        this.engine = engine;
        this.driver = driver;
        this.maxPending = maxPending;
        this.idRandom = idRandom;
        this.wallMillis = wallMillis;
        FileIo io = driver instanceof UdpEventLoop ? FileIo.thread() : FileIo.INLINE;
        this.files = driver.call(() -> new FileTransfers(engine, this, driver, io,
                new java.util.SplittableRandom(engine.ref().id() ^ engine.ref().incarnation() ^ 0x66696c6573L),
                wallMillis));
        this.pending = new Permits(maxPending);
        engine.onMessageSettled(pending::release);
        this.ids = engine.messageIds();
        ids.handTo(driver::execute);
        engine.autoReplies(text -> {
            synchronized (idRandom) {
                return new Text(MessageId.random(idRandom), wallMillis.getAsLong(), Text.AUTO_REPLY, text);
            }
        });
    }

    /** Starts a node on real UDP sockets on {@code config.networkInterface()}; an Error ends the process. */
    public static ChatNode start(NodeConfig config, ChatListener listener) throws IOException {
        return start(config, listener, FatalErrors.EXIT);
    }

    /** As {@link #start(NodeConfig, ChatListener)}, with {@code fatal} called when the loop meets an Error. */
    public static ChatNode start(NodeConfig config, ChatListener listener, FatalErrors fatal) throws IOException {
        if (config.networkInterface() == null) {
            throw new IllegalArgumentException("a network interface is required");
        }
        // First, so that the JDK's crypto warms up on the other core while this one opens the sockets (the
        // JDK's first NIO socket costs a cold start about 50 ms of its own); a join then waits on neither.
        lanchat.session.CryptoWarmUp.startInBackground();
        UdpTransport transport = UdpTransport.open(config.networkInterface(), config.group(), config.port());
        Clock clock = Clock.system();
        RandomGenerator random = new SplittableRandom(seed(clock));
        Identity identity = identityOf(config, random);
        PeerRef ref = newRef(config, identity, clock);
        SessionLayer sessions = new NoiseSessions(identity, ref, transport, clock, random, secureEphemerals(),
                RekeyPolicy.DEFAULT);
        Engine engine = new Engine(config, ref, transport, sessions, random, listener);
        DutyCycle cycle = new DutyCycle(engine, transport, clock, config);
        return attach(engine, UdpEventLoop.start(cycle, transport, clock, fatal), config,
                new SplittableRandom(random.nextLong()), clock::currentTimeMillis);
    }

    /**
     * Wraps an engine that a {@link Driver} runs; for simulators. The driver must start the engine's
     * {@link DutyCycle} on its thread before anything else.
     */
    public static ChatNode attach(Engine engine, Driver driver, NodeConfig config) {
        return attach(engine, driver, config, new SplittableRandom(engine.ref().id() ^ engine.ref().incarnation()),
                System::currentTimeMillis);
    }

    /** As {@link #attach(Engine, Driver, NodeConfig)}, drawing message ids from {@code idRandom}. */
    public static ChatNode attach(Engine engine, Driver driver, NodeConfig config, RandomGenerator idRandom,
            LongSupplier wallMillis) {
        return new ChatNode(engine, driver, config.maxPendingMessages(), idRandom, wallMillis);
    }

    /**
     * A seed unique to this process and moment. Peer ids need to be unique, not secret; SecureRandom would
     * cost a cold start about 20 ms (measured) before the first HELLO.
     */
    private static long seed(Clock clock) {
        long pid = ProcessHandle.current().pid();
        return new SplittableRandom(clock.nanoTime() ^ (pid << 32) ^ clock.currentTimeMillis()).nextLong()
                ^ System.identityHashCode(new Object());
    }

    /**
     * The peer id of the config's identity (or of a new one drawn from {@code random}), and the config's
     * incarnation or else the clock's milliseconds (protocol.md 1).
     */
    public static PeerRef newRef(NodeConfig config, Identity identity, Clock clock) {
        long incarnation = config.incarnation() != 0 ? config.incarnation() : Math.max(1, clock.currentTimeMillis());
        return new PeerRef(identity.peerId(), incarnation);
    }

    /** The config's identity, or a new one drawn from {@code random} (tests, simulations). */
    public static Identity identityOf(NodeConfig config, RandomGenerator random) {
        return config.identity() != null ? config.identity() : Identity.generate(random);
    }

    /** Ephemeral keys from a SecureRandom made at the first handshake, not at start (it costs ~20 ms cold). */
    private static EphemeralKeys secureEphemerals() {
        return new EphemeralKeys() {
            private java.security.SecureRandom random;

            @Override
            public byte[] nextPrivateKey() {
                if (random == null) {
                    random = new java.security.SecureRandom();
                }
                byte[] k = new byte[32];
                random.nextBytes(k);
                return k;
            }
        };
    }

    /** The hex identity key that {@code peer} proved (as in known_peers), or "" when it has no session. */
    public String keyOf(PeerInfo peer) {
        return engine.keyOf(peer);
    }

    /** Our own identity key in hex, or "" without sessions (plaintext simulations). */
    public String ownKey() {
        return engine.ownKey();
    }

    /**
     * Runs {@code task} on the event-loop thread, after what is queued there; for listeners' follow-ups.
     * Returns false (and runs nothing) once the node has stopped: no event comes any more, so the caller
     * may then run it itself.
     */
    public boolean runOnLoop(Runnable task) {
        if (loopClosed) {
            return false;
        }
        driver.execute(task);
        return true;
    }

    private volatile boolean loopClosed;

    /**
     * Runs {@code hook} on the event-loop thread at the end of every pass of its duty cycle, from the next
     * pass on, the last pass before the loop stops included: for a listener that collects what a pass
     * brought and hands it on in one piece (the history's lines). Call it on the loop thread (from an
     * event or a {@link #runOnLoop} task); anywhere else it registers nothing and returns false.
     */
    public boolean afterEachPass(Runnable hook) {
        if (!driver.inLoop()) {
            return false;
        }
        engine.afterEachPass(hook);
        return true;
    }

    /** This node as others see it. */
    public PeerInfo self() {
        return driver.call(engine::self);
    }

    /** A snapshot of the live peers (not including this node), sorted by display name. */
    public List<PeerInfo> peers() {
        return driver.call(engine::peers);
    }

    /**
     * Sends {@code text} to every live peer. Blocks while too many messages await an outcome.
     *
     * @return the message id used in the MessageSent, Delivered and Undelivered events
     * @throws IllegalArgumentException if the text is empty or longer than {@value Text#MAX_TEXT_BYTES} bytes of
     *     UTF-8
     */
    public long say(String text) {
        check(text);
        return sayBody(null, text);
    }

    /** Sends {@code body} to every live peer; for bodies other than chat lines. */
    public long say(Body body) {
        return sayBody(body, null);
    }

    private long sayBody(Body body, String text) {
        admit();
        Body b = body != null ? body : newText(text);
        return Integer.toUnsignedLong(ids.send(id -> engine.sendToRoom(id, b)));
    }

    /** A chat line with a new end-to-end id, sent now. */
    public Text newText(String text) {
        check(text);
        synchronized (idRandom) {
            return Text.of(MessageId.random(idRandom), wallMillis.getAsLong(), text);
        }
    }

    /**
     * Sends {@code text} to the one peer named {@code name} (a name, or a display name such as
     * {@code alice#3f2a}). Blocks while too many messages await an outcome.
     *
     * @throws PeerLookupException if no live peer, or more than one, has that name
     */
    public long whisper(String name, String text) throws PeerLookupException {
        check(text);
        PeerInfo target = Directory.resolve(engine.directory(), name);
        return whisperTo(target, newText(text));
    }

    /**
     * Sends {@code body} to the peer instance {@code target} (from {@link #peers()} or an event), e.g. a
     * queued line with the id it was given when it was queued. It fails at once if that instance has left.
     */
    public long whisperTo(PeerInfo target, Body body) {
        admit();
        return Integer.toUnsignedLong(ids.send(id -> engine.sendTo(target, id, body)));
    }

    // ---- files (protocol.md 9) ----

    /**
     * Offers the files and folders {@code paths} to the peer called {@code name}. Returns at once: the
     * files are hashed on the file thread, and what happens comes as FileOffered, FileProgress, FileDone
     * or FileFailed events.
     *
     * @throws PeerLookupException if no live peer, or more than one, has that name
     */
    public void sendFiles(String name, List<java.nio.file.Path> paths) throws PeerLookupException {
        PeerInfo target = Directory.resolve(engine.directory(), name);
        files.offer(target, List.copyOf(paths));
    }

    /**
     * Accepts the offer whose id starts with {@code id} (or the only one waiting, for null or "").
     *
     * @throws IllegalArgumentException with a one-line reason when there is no such offer
     */
    public void acceptFiles(String id) {
        fileAnswer(driver.call(() -> files.accept(id)));
    }

    /** Rejects an offer, like {@link #acceptFiles}. */
    public void rejectFiles(String id) {
        fileAnswer(driver.call(() -> files.reject(id)));
    }

    /** Cancels an offer or a transfer, ours or a peer's. */
    public void cancelFiles(String id) {
        fileAnswer(driver.call(() -> files.cancel(id)));
    }

    /** Every offer and transfer under way. */
    public List<ChatEvent.FileTransferLine> transfers() {
        return driver.call(files::list);
    }

    /** Where accepted files go from now on (default: the platform's Downloads folder, lanchat). */
    public void downloadsTo(java.nio.file.Path dir) {
        files.downloadsTo(dir);
    }

    /**
     * Whether an offer from a peer whose key is verified for its name (/verify) is accepted at once into the
     * downloads folder, with a FileAccepted event saying why; off by default, and other peers' offers always
     * wait for {@link #acceptFiles}.
     */
    public void autoAcceptFiles(boolean on) {
        files.autoAccept(on);
    }

    private static void fileAnswer(String error) {
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
    }

    /**
     * The fingerprint, safety number and trust of the peer called {@code name}.
     *
     * @throws PeerLookupException if no live peer, or more than one, has that name
     * @throws IllegalStateException if there is no session with it yet
     */
    public Whois whois(String name) throws PeerLookupException {
        PeerInfo target = Directory.resolve(engine.directory(), name);
        Whois w = driver.call(() -> engine.whois(target));
        if (w == null) {
            throw new IllegalStateException("no authenticated session with " + name + " yet");
        }
        return w;
    }

    /** Marks the key of the peer called {@code name} verified (after comparing the safety number aloud). */
    public Whois verify(String name) throws PeerLookupException {
        PeerInfo target = Directory.resolve(engine.directory(), name);
        Whois w = driver.call(() -> engine.verify(target));
        if (w == null) {
            throw new IllegalStateException("no authenticated session with " + name + " yet");
        }
        return w;
    }

    /** Changes this node's name and announces it at once. @throws IllegalArgumentException if invalid */
    public void rename(String newName) {
        String problem = PeerNames.problem(newName);
        if (problem != null) {
            throw new IllegalArgumentException("invalid name '" + newName + "': " + problem);
        }
        driver.execute(() -> engine.rename(newName));
    }

    /** Sets the presence every peer sees (online, away, busy), and tells every live peer. */
    public void presence(lanchat.presence.Presence p) {
        java.util.Objects.requireNonNull(p, "presence");
        driver.execute(() -> engine.presence(p));
    }

    /** The user typed something: the automatic away starts counting again, and ends if it was on. */
    public void activity() {
        if (engine.idleAway() && !driver.inLoop()) {
            // Waits, so that "online again" takes its message id before the line being typed: peers see the
            // peer come back, then its message, never a message from someone marked away.
            driver.call(() -> {
                engine.activity();
                return null;
            });
        } else {
            driver.execute(engine::activity);
        }
    }

    /** After {@code idle} without {@link #activity} the node sets itself away; zero turns that off. */
    public void autoAway(Duration idle) {
        if (idle.isNegative()) {
            throw new IllegalArgumentException("the idle time cannot be negative");
        }
        driver.execute(() -> engine.autoAway(idle.toNanos()));
    }

    /** Counters by name: datagrams in and out, drops by reason, retransmissions; after stop, their last values. */
    public Map<String, Long> counters() {
        Map<String, Long> last = finalCounters;
        return last != null ? last : driver.call(engine::counters);
    }

    /**
     * Waits up to {@code flush} for outstanding messages to get their outcomes, fails the rest, says
     * goodbye and releases the sockets. Returns true if every message got its outcome in time.
     */
    public boolean stop(Duration flush) {
        if (stopped) {
            return true;
        }
        stopped = true;
        boolean settled = false;
        try {
            // Holding every permit means no message awaits an outcome, and no new one can start.
            settled = driver.inLoop() ? pending.tryAcquire(maxPending)
                    : pending.tryAcquire(maxPending, flush.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            finalCounters = driver.call(() -> {
                engine.shutdown(driver.nanoTime());
                return engine.counters();
            });
        } catch (IllegalStateException e) {
            finalCounters = Map.of(); // the loop is gone already (a fatal error): nothing left to say
        }
        driver.close();
        loopClosed = true;
        return settled;
    }

    /** {@code stop(Duration.ZERO)}. */
    @Override
    public void close() {
        stop(Duration.ZERO);
    }

    /** Takes a permit for one more message awaiting its outcome, waiting for one if needed. */
    private void admit() {
        if (stopped) {
            throw new IllegalStateException("the node has stopped");
        }
        if (driver.inLoop()) {
            pending.takeWithoutWaiting(); // never block the loop thread; a listener's reply may exceed the limit
        } else {
            pending.acquireUninterruptibly();
        }
    }

    /** Messages that may still await an outcome; the loop thread may overdraw it rather than wait. */
    private static final class Permits extends Semaphore {
        private static final long serialVersionUID = 1L;

        Permits(int permits) {
            super(permits);
        }

        /** Takes a permit now, going below zero if none is left, so every later release stays balanced. */
        void takeWithoutWaiting() {
            if (!tryAcquire()) {
                reducePermits(1);
            }
        }
    }

    private static void check(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty message");
        }
        if (text.length() * 3L <= Text.MAX_TEXT_BYTES) {
            return; // fits however it encodes: skips counting the bytes of every ordinary line
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Text.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException(String.format(
                    "message is %,d bytes of UTF-8; the limit is %,d: split it into several messages", bytes,
                    Text.MAX_TEXT_BYTES));
        }
    }
}
