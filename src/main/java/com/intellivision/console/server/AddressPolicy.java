package com.intellivision.console.server;

import java.net.InetAddress;
import java.util.Optional;

/** Which addresses this server may fetch from. */
@FunctionalInterface
public interface AddressPolicy {

    /** Only public internet addresses: what {@code serve} uses by default. */
    AddressPolicy PUBLIC_ONLY = AddressRanges::nonPublicKind;
    /** Every address: {@code serve --allow-private-urls}, for a server that must read from its own network. */
    AddressPolicy ANY_ADDRESS = address -> Optional.empty();

    /** Why the address may not be fetched, as a phrase ("a loopback address"), or empty if it may. */
    Optional<String> whyRefused(InetAddress address);
}
