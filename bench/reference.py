#!/usr/bin/env python3
"""A plain-Python reference for the bulk CLI benchmark (bench/cli.ts): what a short script in
the standard library does with the same JSON Lines, so `stride engine analyze -` and
`stride engine run -` have a yardstick. It is not the answer key (the engine is, checked against
PyTorch by scripts/torch/); it covers only what the benchmark sends.

  python3 bench/reference.py analyze < specs.jsonl   conv2d / pools / flatten / dense / activations:
                                                     outputShape, totalParams, totalMacs
  python3 bench/reference.py run < ops.jsonl         corr2d of an [H][W] input with a [kh][kw] kernel
"""
import json
import sys


def pair(v, default):
    v = default if v is None else v
    return (v[0], v[1]) if isinstance(v, (list, tuple)) else (v, v)


def conv_out(n, k, s, p, d):
    # PyTorch: floor((n + 2p - d(k-1) - 1) / s) + 1 (DESIGN.md, "Reference semantics").
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def analyze(spec):
    shape = list(spec["input"])
    params = macs = 0
    for layer in spec["layers"]:
        kind = layer["type"]
        if kind == "conv2d":
            c, h, w = shape
            kh, kw = pair(layer["kernel"], 1)
            sh, sw = pair(layer.get("stride"), 1)
            ph, pw = pair(layer.get("padding"), 0)
            dh, dw = pair(layer.get("dilation"), 1)
            f, g = layer["filters"], layer.get("groups", 1)
            shape = [f, conv_out(h, kh, sh, ph, dh), conv_out(w, kw, sw, pw, dw)]
            per_filter = c // g * kh * kw
            params += f * per_filter + (f if layer.get("bias", True) else 0)
            macs += shape[0] * shape[1] * shape[2] * per_filter
        elif kind in ("maxpool2d", "avgpool2d"):
            c, h, w = shape
            kh, kw = pair(layer["kernel"], 1)
            sh, sw = pair(layer.get("stride"), (kh, kw))
            ph, pw = pair(layer.get("padding"), 0)
            shape = [c, conv_out(h, kh, sh, ph, 1), conv_out(w, kw, sw, pw, 1)]
        elif kind == "flatten":
            size = 1
            for n in shape:
                size *= n
            shape = [size]
        elif kind == "dense":
            units = layer["units"]
            params += shape[0] * units + (units if layer.get("bias", True) else 0)
            macs += shape[0] * units
            shape = [units]
        elif kind not in ("relu", "sigmoid", "tanh", "softmax", "dropout"):
            raise ValueError(f"unknown type {kind}")
        if min(shape) < 1:
            raise ValueError("output smaller than 1")
    return {"outputShape": shape, "totalParams": params, "totalMacs": macs}


def corr2d(op):
    x, k = op["input"], op["kernel"]
    kh, kw = len(k), len(k[0])
    return {
        "output": [
            [sum(x[i + a][j + b] * k[a][b] for a in range(kh) for b in range(kw)) for j in range(len(x[0]) - kw + 1)]
            for i in range(len(x) - kh + 1)
        ]
    }


def main():
    answer = analyze if sys.argv[1:] == ["analyze"] else corr2d
    out = []
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            out.append(json.dumps(answer(json.loads(line))))
        except (ValueError, KeyError, TypeError, IndexError) as error:
            out.append(json.dumps({"error": str(error)}))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
