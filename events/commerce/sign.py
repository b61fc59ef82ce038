#!/usr/bin/env python3
"""Re-signs the commerce sample events with a shop secret (default local-shop-secret).

    python3 events/commerce/sign.py                 # re-sign every sample in place
    python3 events/commerce/sign.py --now           # as if sent now: the dates in the bodies,
                                                    # X-Shopify-Triggered-At and X-PlayLoop-Timestamp = now

--now is for trying the samples by hand (`sam local invoke`): PlayLoop acknowledges without applying events
more than 7 days old. Do not commit its output: the tests' clocks expect the samples' own dates.
    python3 events/commerce/sign.py --secret other  # another secret

Shopify samples: x-shopify-hmac-sha256 = base64(HMAC-SHA256(secret, body)).
Generic samples: x-playloop-signature = sha256=hex(HMAC-SHA256(secret, "<timestamp>." + body)).
"""
import argparse, base64, datetime, glob, hashlib, hmac, json, os, re, time

DATE_FIELDS = ("occurred_at", "created_at", "processed_at", "updated_at")

parser = argparse.ArgumentParser()
parser.add_argument("--secret", default="local-shop-secret")
parser.add_argument("--now", action="store_true")
args = parser.parse_args()
key = args.secret.encode()
for path in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "*.json"))):
    with open(path, encoding="utf-8") as f:
        event = json.load(f)
    headers = event["headers"]
    if args.now:
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        pattern = r'("(?:%s)":")[^"]*(")' % "|".join(DATE_FIELDS)
        event["body"] = re.sub(pattern, lambda m: m.group(1) + now + m.group(2), event["body"])
        if "x-shopify-triggered-at" in headers:
            headers["x-shopify-triggered-at"] = now
    body = event["body"].encode("utf-8")
    if "x-shopify-topic" in headers:
        headers["x-shopify-hmac-sha256"] = base64.b64encode(hmac.new(key, body, hashlib.sha256).digest()).decode()
    else:
        if args.now:
            headers["x-playloop-timestamp"] = str(int(time.time()))
        ts = headers["x-playloop-timestamp"].encode()
        headers["x-playloop-signature"] = "sha256=" + hmac.new(key, ts + b"." + body, hashlib.sha256).hexdigest()
    headers["content-length"] = str(len(body))
    with open(path, "w", encoding="utf-8") as f:
        json.dump(event, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print("signed", os.path.basename(path))
