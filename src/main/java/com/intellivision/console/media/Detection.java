package com.intellivision.console.media;

/**
 * A person a {@link Detector} found.
 *
 * @param score the detector's confidence; comparable only between detections of the same detector
 */
record Detection(Box box, float score) {}
