import json
import os
import sys

import requests

url = os.environ.get("IMAGEHQ_OCR_URL", "http://127.0.0.1:8765")
headers = {"Authorization": f"Bearer {os.environ['IMAGEHQ_OCR_TOKEN']}"}
image = sys.argv[1] if len(sys.argv) > 1 else "image.png"

payload = {
    "operation": "extract_text",
    "options": {
        "detect_orientation": True,
        "language": "eng",
        "output_format": "txt",
    },
    "tool_slug": "image-to-text",
    "client_reference_id": "example-123",
}
with open(image, "rb") as fh:
    files = [("files[]", (os.path.basename(image), fh))]
    data = {"request": json.dumps(payload)}
    response = requests.post(f"{url}/v1/ocr", headers=headers, files=files, data=data)
response.raise_for_status()
job = response.json()
print(job["id"], job["status"], file=sys.stderr)

# Poll until the job is final (?wait=10 makes the server hold each poll up to 10 s).
while job["status"] not in ("succeeded", "failed", "canceled"):
    job = requests.get(url + job["poll_url"], headers=headers, params={"wait": 10}).json()
if job["status"] != "succeeded":
    sys.exit(f"OCR {job['status']}: {job['error']['message']}")
print(f"confidence {job['result_json']['confidence']:.2f}", file=sys.stderr)

text = requests.get(url + job["download_url"], headers=headers)
text.raise_for_status()
print(text.text, end="")
