package lanchat.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import lanchat.wire.PeerRef;
import org.junit.jupiter.api.Test;

/** Display names (protocol.md 3): {@code #} and four hex digits of the id only while a name is shared. */
class PeerTableTest {
    final PeerTable table = new PeerTable(1_024);

    Peer add(long id, String name) {
        Peer p = new Peer(new PeerRef(id, 1), name, new InetSocketAddress("127.0.0.1", 40_000), 2_000_000_000L, 0);
        table.put(p);
        return p;
    }

    @Test
    void aUniqueNameIsShownBare() {
        Peer carol = add(0x1234_5678_9abc_def0L, "carol");
        add(0x2222_0000_0000_0000L, "dave");
        assertEquals("carol", table.displayName(carol, "me"));
    }

    @Test
    void everyPeerSharingANameGetsTheBase32SuffixOfItsId() {
        Peer bob1 = add(0x3f2a_0000_0000_0001L, "bob");
        Peer bob2 = add(0xbeef_0000_0000_0002L, "bob");
        Peer bob3 = add(0x0000_1234_0000_0003L, "bob");
        assertEquals("bob#h4vaaaaaaa", table.displayName(bob1, "me"));
        assertEquals("bob#x3xqaaaaaa", table.displayName(bob2, "me"), "the id read as unsigned");
        assertEquals("bob#aaabenaaaa", table.displayName(bob3, "me"), "leading zeros kept");
    }

    @Test
    void theSuffixGoesOnceTheNameIsUniqueAgain() {
        Peer bob1 = add(0x3f2a_0000_0000_0001L, "bob");
        Peer bob2 = add(0xbeef_0000_0000_0002L, "bob");
        assertEquals("bob#h4vaaaaaaa", table.displayName(bob1, "me"));
        table.remove(bob2);
        assertEquals("bob", table.displayName(bob1, "me"));
    }

    @Test
    void aPeerWithOurOwnNameIsToldApartFromUs() {
        Peer twin = add(0xabcd_0000_0000_0001L, "me");
        Peer other = add(0x1111_0000_0000_0001L, "you");
        assertEquals("me#vpgqaaaaaa", table.displayName(twin, "me"));
        assertEquals("you", table.displayName(other, "me"));
        assertEquals("me", table.displayName(twin, "neo"), "after we rename, the name is unique again");
    }

    @Test
    void namesAreCaseSensitive() {
        Peer upper = add(0x1000_0000_0000_0001L, "Bob");
        add(0x2000_0000_0000_0001L, "bob");
        assertEquals("Bob", table.displayName(upper, "BOB"));
    }
}
