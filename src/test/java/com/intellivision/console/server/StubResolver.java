package com.intellivision.console.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Names answered from a table, never from DNS; every lookup is recorded. Unknown names do not resolve. */
final class StubResolver implements HostResolver {

    private final Map<String, List<List<InetAddress>>> answers = new HashMap<>();
    private final List<String> lookups = new CopyOnWriteArrayList<>();

    /** The name resolves to these literal addresses. */
    StubResolver answer(String name, String... literals) {
        answers.computeIfAbsent(name, n -> new ArrayList<>()).add(addresses(literals));
        return this;
    }

    /** The name's later lookups get these addresses instead: the first lookup keeps the first answer. */
    StubResolver thenAnswer(String name, String... literals) {
        return answer(name, literals);
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
        int lookup = (int) lookups.stream().filter(host::equals).count();
        lookups.add(host);
        List<List<InetAddress>> forHost = answers.get(host);
        if (forHost == null) {
            throw new UnknownHostException(host);
        }
        return forHost.get(Math.min(lookup, forHost.size() - 1));
    }

    List<String> lookups() {
        return List.copyOf(lookups);
    }

    private static List<InetAddress> addresses(String... literals) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String literal : literals) {
            try {
                addresses.add(InetAddress.getByName(literal)); // literals only: no DNS
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }
        return addresses;
    }
}
