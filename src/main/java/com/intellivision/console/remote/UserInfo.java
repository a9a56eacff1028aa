package com.intellivision.console.remote;

/** The user an IntelliVision server knows the access token as, from {@code GET /api/me/}. */
public record UserInfo(long id, String username, String email) {}
