"""The reference for PeopleCountBench: HOG people detection with Python's OpenCV on the same frames of
the same video, with the same settings, timed the same way (opening the video to the last frame).

Usage: hog_count.py VIDEO FPS WORKING_HEIGHT MAX_UPSCALE STRIDE PADDING PYRAMID_SCALE MIN_SCORE MAX_OVERLAP
Prints one JSON object: OpenCV's version, frames analysed, wall seconds, people per frame.
"""
import json
import sys
import time

import cv2


def main(video, fps, working_height, max_upscale, stride, padding, pyramid_scale, min_score, max_overlap):
    started = time.perf_counter()
    hog = cv2.HOGDescriptor()
    hog.setSVMDetector(cv2.HOGDescriptor_getDefaultPeopleDetector())
    capture = cv2.VideoCapture(video)
    counts = []
    sample = 0
    while capture.grab():
        seconds = capture.get(cv2.CAP_PROP_POS_MSEC) / 1000
        if seconds < sample / fps - 1e-6:
            continue  # decoded, as later frames need, but not converted: not a sample
        while (sample + 1) / fps <= seconds:
            sample += 1
        sample += 1
        _, frame = capture.retrieve()
        factor = min(max_upscale, working_height / frame.shape[0])
        image = cv2.resize(frame, None, fx=factor, fy=factor, interpolation=cv2.INTER_LINEAR) if factor != 1 else frame
        windows, scores = hog.detectMultiScale(image, hitThreshold=min_score, winStride=(stride, stride),
                                               padding=(padding, padding), scale=pyramid_scale, groupThreshold=0)
        boxes = [person_in(window, factor) for window in windows]
        kept = cv2.dnn.NMSBoxes(boxes, [float(s) for s in scores.flatten()], min_score, max_overlap) if boxes else []
        counts.append(len(kept))
    seconds = time.perf_counter() - started
    print(json.dumps({"opencv": cv2.__version__, "frames": len(counts), "seconds": seconds, "counts": counts}))


def person_in(window, factor):
    """The person inside a 64x128 detection window, without the SVM's margin, in the frame's pixels."""
    x, y, w, h = (int(v) for v in window)
    side, top = w // 4, h // 8
    return [round((x + side) / factor), round((y + top) / factor), round((w - 2 * side) / factor), round((h - 2 * top) / factor)]


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], float(args[1]), int(args[2]), float(args[3]), int(args[4]), int(args[5]), float(args[6]), float(args[7]),
         float(args[8]))
