package dev.salvo.engine.plan;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Expands {@code localIPs} items: an address, {@code first-last} or a CIDR block ({@code 10.0.0.0/30}). */
final class IpRanges {
    private IpRanges() {
    }

    static void expand(String item, List<InetAddress> out, int max) {
        if (item.isEmpty()) {
            return;
        }
        BigInteger first;
        BigInteger last;
        int length;
        if (item.contains("/")) {
            String[] parts = item.split("/", 2);
            InetAddress base = ClientOptionsParser.literal(parts[0]);
            length = base.getAddress().length;
            int bits = length * 8;
            int prefix;
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + item + "': the prefix length must be a number");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + item + "': the prefix length must be between 0 and " + bits);
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            first = new BigInteger(1, base.getAddress()).andNot(mask);
            last = first.or(mask);
        } else if (item.contains("-")) {
            String[] parts = item.split("-", 2);
            InetAddress a = ClientOptionsParser.literal(parts[0].trim());
            InetAddress b = ClientOptionsParser.literal(parts[1].trim());
            length = a.getAddress().length;
            if (b.getAddress().length != length) {
                throw new IllegalArgumentException("'" + item + "': both ends must be IPv4 or both IPv6");
            }
            first = new BigInteger(1, a.getAddress());
            last = new BigInteger(1, b.getAddress());
            if (first.compareTo(last) > 0) {
                throw new IllegalArgumentException("'" + item + "': the first address is after the last");
            }
        } else {
            out.add(ClientOptionsParser.literal(item));
            return;
        }
        if (last.subtract(first).add(BigInteger.ONE).add(BigInteger.valueOf(out.size())).compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("'" + item + "': more than " + max + " addresses");
        }
        for (BigInteger n = first; n.compareTo(last) <= 0; n = n.add(BigInteger.ONE)) {
            out.add(address(n, length));
        }
    }

    private static InetAddress address(BigInteger n, int length) {
        byte[] raw = n.toByteArray();
        byte[] bytes = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
