/**
 * Video in, facts out: resolving links (yt-dlp), opening streams and seeking into them (FFmpeg through
 * javacv), writing frames (OpenCV). Every failure is a {@link com.intellivision.console.media.MediaException}
 * whose message tells a person what happened and what to do.
 */
package com.intellivision.console.media;
