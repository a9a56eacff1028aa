package com.intellivision.console.remote;

/** Whole JWTs from the recorded server's 01_auth.txt. */
final class Tokens {

    /** The access token used throughout the recording; expires 2026-11-24T11:27:02Z. */
    static final String ACCESS = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwiZXhwIjoxNzk1NTE5NjIyLCJpYXQiOjE3OTU1MTI0MjIsImp0aSI6ImNmZTI1OWZiMzk4NjQyZmRiYTg4ZDIyZTA2YTYyMmQxIiwidXNlcl9pZCI6MX0.KX4lnwq9BgrBYjHtI69Ncb8xomCd_E0u-_IoFDWp_2w";
    /** A valid refresh token; expires 2026-12-01T09:27:02Z. */
    static final String REFRESH = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCIsImV4cCI6MTc5NjExNzIyMiwiaWF0IjoxNzk1NTEyNDIyLCJqdGkiOiIwY2UyNjNkYWI4OWU0OThiODUyOTkxMTE2YWVkNmRlOCIsInVzZXJfaWQiOjF9.8CyDw0FzL_AXujfha51isRCkZHq05AhJAW6uqId719I";
    /** The access token the refresh returned (token_refreshed.json); expires 2026-11-24T11:27:19Z. */
    static final String RENEWED_ACCESS = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwiZXhwIjoxNzk1NTE5NjM5LCJpYXQiOjE3OTU1MTI0MjIsImp0aSI6IjhkNjRlN2Y2ZmNlNDQwMmRhYzlhOTEzNDk1OTJlYTljIiwidXNlcl9pZCI6MX0.zJ4yJPYUyFAkp_bpoQmQ4SKcwLIEZj7elDDi7aYsww0";
    /** A refresh token that had expired; expired 2026-11-24T09:26:02Z. */
    static final String EXPIRED_REFRESH = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCIsImV4cCI6MTc5NTUxMjM2MiwiaWF0IjoxNzk1NTEyNDIyLCJqdGkiOiJhNjg1ODg1MWEyZWY0YTAzYTNiY2MzNDkyNjdhNjQ5OSIsInVzZXJfaWQiOjF9.edIOcigsDAhZryNiCC0EsjArl2DT-3_FD_h9-V3Bv1k";

    private Tokens() {}
}
