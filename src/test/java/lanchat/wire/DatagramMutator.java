package lanchat.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded damage to valid datagrams: the kinds of corruption and hostility a receiver must shrug off. */
final class DatagramMutator {
    private static final int[] INTERESTING_BYTES = {0x00, 0x01, 0x02, 0x10, 0x11, 0x20, 0x7F, 0x80, 0xFE, 0xFF};
    private static final int[] LARGE_LENGTHS = {0xFF, 0xFFFF, 0x8000, 17, 33, 256, 1024, 1025, 0};

    private final Random rnd;

    DatagramMutator(Random rnd) {
        this.rnd = rnd;
    }

    /** One to three mutations of {@code valid}; {@code other} is a second valid datagram to splice from. */
    byte[] mutate(byte[] valid, List<int[]> lengthFields, byte[] other) {
        byte[] d = valid.clone();
        int rounds = 1 + rnd.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            d = once(d, lengthFields, other);
        }
        return d;
    }

    private byte[] once(byte[] d, List<int[]> lengthFields, byte[] other) {
        switch (rnd.nextInt(10)) {
            case 0:
                return flipBit(d);
            case 1:
                return setByte(d, rnd.nextInt(256));
            case 2:
                return setByte(d, INTERESTING_BYTES[rnd.nextInt(INTERESTING_BYTES.length)]);
            case 3:
                return Arrays.copyOf(d, d.length == 0 ? 0 : rnd.nextInt(d.length)); // truncate
            case 4:
                return extend(d);
            case 5:
                return largeLength(d, lengthFields);
            case 6:
                return swapSections(d);
            case 7:
                return splice(d, other);
            case 8:
                return header(d);
            default:
                return rnd.nextBoolean() ? insertByte(d) : deleteByte(d);
        }
    }

    private byte[] flipBit(byte[] d) {
        if (d.length > 0) {
            d[rnd.nextInt(d.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        return d;
    }

    private byte[] setByte(byte[] d, int value) {
        if (d.length > 0) {
            d[rnd.nextInt(d.length)] = (byte) value;
        }
        return d;
    }

    private byte[] extend(byte[] d) {
        byte[] longer = Arrays.copyOf(d, d.length + 1 + rnd.nextInt(64));
        if (rnd.nextBoolean()) {
            for (int i = d.length; i < longer.length; i++) {
                longer[i] = (byte) rnd.nextInt(256);
            }
        }
        return longer;
    }

    private byte[] largeLength(byte[] d, List<int[]> lengthFields) {
        if (lengthFields.isEmpty()) {
            return setByte(d, 0xFF);
        }
        int[] field = lengthFields.get(rnd.nextInt(lengthFields.size()));
        int value = LARGE_LENGTHS[rnd.nextInt(LARGE_LENGTHS.length)];
        int offset = field[0];
        if (field[1] == 2 && offset + 1 < d.length) {
            d[offset] = (byte) (value >>> 8);
            d[offset + 1] = (byte) value;
        } else if (offset < d.length) {
            d[offset] = (byte) Math.min(value, 0xFF);
        }
        return d;
    }

    private byte[] swapSections(byte[] d) {
        if (d.length < 4) {
            return d;
        }
        int len = 1 + rnd.nextInt(d.length / 2);
        int a = rnd.nextInt(d.length - 2 * len + 1);
        int b = a + len + rnd.nextInt(d.length - a - 2 * len + 1);
        byte[] tmp = Arrays.copyOfRange(d, a, a + len);
        System.arraycopy(d, b, d, a, len);
        System.arraycopy(tmp, 0, d, b, len);
        return d;
    }

    /** A prefix of one datagram followed by a suffix of another. */
    private byte[] splice(byte[] d, byte[] other) {
        int cut = rnd.nextInt(d.length + 1);
        int from = rnd.nextInt(other.length + 1);
        byte[] out = Arrays.copyOf(d, cut + other.length - from);
        System.arraycopy(other, from, out, cut, other.length - from);
        return out;
    }

    /** Damage magic, version or type: the checks a random byte change rarely reaches. */
    private byte[] header(byte[] d) {
        int at = rnd.nextInt(4);
        if (at < d.length) {
            d[at] = (byte) (rnd.nextBoolean() ? INTERESTING_BYTES[rnd.nextInt(INTERESTING_BYTES.length)]
                    : rnd.nextInt(256));
        }
        return d;
    }

    private byte[] insertByte(byte[] d) {
        int at = rnd.nextInt(d.length + 1);
        byte[] out = new byte[d.length + 1];
        System.arraycopy(d, 0, out, 0, at);
        out[at] = (byte) rnd.nextInt(256);
        System.arraycopy(d, at, out, at + 1, d.length - at);
        return out;
    }

    private byte[] deleteByte(byte[] d) {
        if (d.length == 0) {
            return d;
        }
        int at = rnd.nextInt(d.length);
        byte[] out = new byte[d.length - 1];
        System.arraycopy(d, 0, out, 0, at);
        System.arraycopy(d, at + 1, out, at, d.length - at - 1);
        return out;
    }
}
