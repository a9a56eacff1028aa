package com.intellivision.console.job;

/**
 * What a link leads to, looked up before any job is made of it, so that people see they pasted the
 * right video: a card under the field shows it.
 *
 * @param link the link as it was looked up
 * @param title the video's title
 * @param channel who published it, or null where the site does not say
 * @param durationSeconds its length, or null where the site does not say
 * @param thumbnailUrl an image of it, or null
 * @param stream the stream a job will read, in a few words ("1280×720 H.264, mp4 from googlevideo.com")
 * @param storyboard the site's preview sheets of its frames (YouTube's), or null
 */
public record LinkDetails(String link, String title, String channel, Double durationSeconds, String thumbnailUrl, String stream,
        Storyboard storyboard) {}
