package lanchat.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Checks --group: an IPv4 multicast address written as four numbers (no name lookup). */
final class GroupAddress {
    private GroupAddress() {}

    static InetAddress parse(String text) throws UsageException {
        String hint = "; use an IPv4 multicast address (224.0.0.0 to 239.255.255.255), the same on every peer,"
                + " e.g. the default 239.255.76.67";
        if (text == null || !text.strip().matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new UsageException("--group '" + text + "' is not an IPv4 address" + hint);
        }
        for (String part : text.strip().split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                throw new UsageException("--group '" + text + "' is not an IPv4 address" + hint);
            }
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(text.strip());
        } catch (UnknownHostException e) {
            throw new UsageException("--group '" + text + "' is not an IPv4 address" + hint);
        }
        if (!address.isMulticastAddress()) {
            throw new UsageException("--group " + text.strip() + " is not a multicast address" + hint);
        }
        return address;
    }
}
