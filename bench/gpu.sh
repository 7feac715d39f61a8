#!/usr/bin/env bash
# Training throughput on this machine's GPU (WebGPU and WebGL in headless Chromium, PyTorch CUDA
# beside them): unattended, under 8 minutes, one table. Needs Chromium (CHROMIUM_PATH, default
# /usr/bin/chromium) and the installed node_modules; PYTHON (default /usr/bin/python3) with torch
# for the CUDA column. A figure marked SOFTWARE ran on an emulated GPU: Chromium found no real one.
set -euo pipefail
cd "$(dirname "$0")/.."
exec timeout 470 npx tsx bench/gpu.ts
