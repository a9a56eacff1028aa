/**
 * HTTP clients (OkHttp and Jackson) for remote deployments: IntelliVision servers and consoles running
 * headless. They speak the job contract: {@code POST} a job, answered {@code 202} with its id, then
 * {@code GET /api/jobs/<id>/} until it is completed or failed.
 */
package com.intellivision.console.remote;
