package com.intellivision.console.deployment.settings;

import com.github.javakeyring.PasswordAccessException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory keychain that keeps java-keyring's contract: a missing entry is a PasswordAccessException. */
final class FakeKeychain {

    final Map<String, String> entries = new ConcurrentHashMap<>();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    /** Thrown by every call while set, as a backend in trouble would. */
    volatile RuntimeException failure;

    Keychain.Opener opener() {
        return () -> {
            opened.incrementAndGet();
            return new Connection();
        };
    }

    static String key(String service, String account) {
        return service + "/" + account;
    }

    private final class Connection implements Keychain {

        @Override
        public String getPassword(String service, String account) throws PasswordAccessException {
            failIfAsked();
            String value = entries.get(key(service, account));
            if (value == null) {
                throw new PasswordAccessException("No stored credentials match " + service + " account: " + account);
            }
            return value;
        }

        @Override
        public void setPassword(String service, String account, String password) {
            failIfAsked();
            entries.put(key(service, account), password);
        }

        @Override
        public void deletePassword(String service, String account) throws PasswordAccessException {
            failIfAsked();
            if (entries.remove(key(service, account)) == null) {
                throw new PasswordAccessException("No stored credentials match " + service + " account: " + account);
            }
        }

        @Override
        public String description() {
            return "the test keychain";
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }

        private void failIfAsked() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
