package com.intellivision.console.remote;

/** An answer whose JSON lacks what it should hold; the client words it as {@link RemoteException.Kind#MALFORMED}. */
final class MalformedReply extends RuntimeException {

    MalformedReply(String problem) {
        super(problem);
    }
}
