package com.intellivision.console.remote;

import java.io.IOException;

/**
 * Renewing the access token failed. An OkHttp authenticator may only throw {@link IOException}s, so this
 * carries the failure out of the call, where it becomes a {@link RemoteException} for the action at hand.
 */
final class RefreshFailure extends IOException {

    private final RemoteException.Kind kind;
    private final String code;
    private final int httpStatus;
    private final String reason;

    RefreshFailure(RemoteException.Kind kind, String code, int httpStatus, String reason) {
        super(reason);
        this.kind = kind;
        this.code = code;
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    RemoteException during(String action) {
        return new RemoteException(kind, code, httpStatus, "Could not " + action + ": " + reason);
    }
}
