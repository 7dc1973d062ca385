#!/usr/bin/env python3
"""Writes Usage API pages (GET /v1/organization/usage/completions, bucket_width=1m, group_by=project_id,model) as JSONL:
one page per line, each with BUCKETS_PER_PAGE one-minute buckets (the API's limit for 1m is 1,440) of two results
(two projects), consecutive from 2025-12-16 00:00 UTC, until the output is about MEGABYTES MB. For the peak-RSS
comparison of `planner price` over a small and a large export (benchmarks/README.md, issue 10).
Usage: python3 benchmarks/generate-usage-pages.py 400 [BUCKETS_PER_PAGE=1440] > /tmp/pages-400.jsonl"""
import random
import sys

megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 20
per_page = int(sys.argv[2]) if len(sys.argv) > 2 else 1440
rng = random.Random(1)
start = 1765843200  # 2025-12-16, after the snapshot is out; a year of 1m pages ends before its shutdown (2027-01-20)
written = 0
out = sys.stdout


def result(project):
    audio_in, cached, text = rng.randint(1000, 29999), rng.randint(0, 4999), rng.randint(200, 7999)
    audio_out, text_out = rng.randint(1000, 39999), rng.randint(100, 2999)
    return (f'{{"object":"organization.usage.completions.result","input_tokens":{audio_in + cached + text},'
            f'"output_tokens":{audio_out + text_out},"input_cached_tokens":{cached},"input_audio_tokens":{audio_in},'
            f'"output_audio_tokens":{audio_out},"num_model_requests":{rng.randint(1, 20)},"project_id":"{project}",'
            f'"user_id":null,"api_key_id":null,"model":"gpt-audio-mini-2025-12-15","batch":false,"service_tier":null}}')


while written < megabytes * 1_000_000:
    buckets = []
    for _ in range(per_page):
        buckets.append(f'{{"object":"bucket","start_time":{start},"end_time":{start + 60},'
                       f'"results":[{result("proj_a")},{result("proj_b")}]}}')
        start += 60
    line = f'{{"object":"page","data":[{",".join(buckets)}],"has_more":true,"next_page":"page_{start}"}}\n'
    out.write(line)
    written += len(line)
