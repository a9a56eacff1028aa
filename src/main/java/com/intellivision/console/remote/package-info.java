/**
 * HTTP clients (OkHttp and Jackson) for remote deployments. {@link com.intellivision.console.remote.IntelliVisionClient}
 * speaks an IntelliVision server's API: it {@code POST}s a job (a link as JSON, a local file as a multipart
 * upload), is answered {@code 202}, then reads {@code GET /api/jobs/<id>/} until the job is completed or
 * failed, and maps the server's jobs onto the domain's; it authenticates with a JWT access token and renews
 * it with the refresh token. {@link com.intellivision.console.remote.FlowerClient} reads and steers the
 * server's Celery workers through Flower's API. Both report every failure as a
 * {@link com.intellivision.console.remote.RemoteException} whose message is written for people.
 */
package com.intellivision.console.remote;
