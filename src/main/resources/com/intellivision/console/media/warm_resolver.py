# Resolves video links with yt-dlp's module, kept loaded between links (see WarmResolver.java).
# One JSON request per line on stdin: {"url": ..., "format": ..., "cookies": path or null}.
# One JSON answer per line on stdout: {"info": <what `yt-dlp -j` prints>} or {"error": <yt-dlp's error>}.
# The first line says whether the module could be loaded: {"ready": version} or {"error": why}.
# Ends when stdin closes, so it never outlives the worker that started it.
import json
import sys

answers = sys.stdout
# yt-dlp and its extractors print now and then; only answers may reach the pipe the worker reads.
sys.stdout = sys.stderr

if len(sys.argv) > 1 and sys.argv[1]:
    # A yt-dlp release file is a zip application: its modules import from the file itself.
    sys.path.insert(0, sys.argv[1])


def send(answer):
    answers.write(json.dumps(answer) + "\n")
    answers.flush()


try:
    import yt_dlp
except Exception as missing:
    send({"error": "Python could not import yt_dlp: %s" % missing})
    sys.exit(0)

send({"ready": yt_dlp.version.__version__})

# One YoutubeDL per set of options: it keeps its extractors and cookies ready for the next link.
downloaders = {}


def downloader(request):
    key = (request.get("format"), request.get("cookies"))
    if key not in downloaders:
        # The same options as `yt-dlp -j --no-playlist --no-warnings --no-progress -f FORMAT [--cookies FILE]`.
        options = {"quiet": True, "no_warnings": True, "noprogress": True, "noplaylist": True,
                   "simulate": True, "format": request.get("format")}
        if request.get("cookies"):
            options["cookiefile"] = request["cookies"]
        downloaders[key] = yt_dlp.YoutubeDL(options)
    return downloaders[key]


for line in sys.stdin:
    if not line.strip():
        continue
    try:
        request = json.loads(line)
        ydl = downloader(request)
        info = ydl.extract_info(request["url"], download=False)
        send({"info": ydl.sanitize_info(info)})
    except yt_dlp.utils.DownloadError as failed:
        send({"error": str(failed)})
    except Exception as unexpected:
        send({"error": "ERROR: %s: %s" % (type(unexpected).__name__, unexpected)})
