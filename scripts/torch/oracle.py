#!/usr/bin/python3
"""PyTorch's answers to Stride's engine specs and op specs, for the differential test.

Reads JSON Lines on stdin, answers one JSON line per request, in order, flushing each:

  {"spec": {...}}   architecture spec (DESIGN.md, "Engine spec") -> torch.nn modules, a zero
                    tensor of batch 1 run through them:
                    {"outputShape", "totalParams", "totalBuffers", "totalMacs"?,
                     "layers": [{"path", "type", "outputShape", "params", "buffers", "macs"?}]}
  {"op": {...}}     op spec (DESIGN.md, "op spec") -> torch.nn.functional in float64:
                    {"output": nested lists}
  {"zoo": "resnet50"} a torchvision model's totals: {"totalParams", "totalBuffers", "outputShape"}
  anything PyTorch refuses -> {"error": "..."}

Reference semantics are DESIGN.md's, which are PyTorch's. Two conventions to know:
- `buffers` counts BatchNorm's running_mean and running_var (2*C), NOT num_batches_tracked,
  which PyTorch also registers as a buffer; DESIGN.md defines BN buffers as 2*C.
- Stride's `conv2d` op is the textbook convolution (kernel flipped 180 degrees); torch's conv2d
  is cross-correlation, so the kernel is flipped here before calling it.

Run under /usr/bin/python3 with Debian's python3-torch (ENVIRONMENT.md).
"""
import json
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_grad_enabled(False)
torch.set_num_threads(1)


class Refused(Exception):
    pass


def pair(v, default=None):
    if v is None:
        v = default
    if isinstance(v, (list, tuple)):
        return (int(v[0]), int(v[1]))
    return (int(v), int(v))


def single(v, default=None):
    if v is None:
        v = default
    if isinstance(v, list):
        if len(v) != 1:
            raise Refused("1-D layer given a pair")
        return int(v[0])
    return int(v)


def trainable(module):
    return sum(p.numel() for p in module.parameters() if p.requires_grad)


def running_stats(module):
    # running_mean and running_var only; num_batches_tracked is left out (DESIGN.md: BN buffers are 2*C).
    return sum(b.numel() for name, b in module.named_buffers() if not name.endswith("num_batches_tracked"))


ACTIVATIONS = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh}


class Builder:
    """Builds modules layer by layer, tracking the shape (batch 1) and recording pre-order rows."""

    def __init__(self):
        self.rows = []

    def run(self, layers, x, prefix):
        for index, layer in enumerate(layers):
            x = self.layer(layer, x, f"{prefix}{index}")
        return x

    def layer(self, spec, x, path):
        if not isinstance(spec, dict) or not isinstance(spec.get("type"), str):
            raise Refused(f"layer {path}: not a layer")
        kind = spec["type"]
        if kind in ("sequential", "residual", "concat"):
            row = {"path": path, "type": kind}
            self.rows.append(row)
            start = len(self.rows)
            if kind == "sequential":
                y = self.run(spec.get("layers", []), x, f"{path}.layers.")
            elif kind == "residual":
                body = self.run(spec.get("body", []), x, f"{path}.body.")
                short = self.run(spec.get("shortcut", []) or [], x, f"{path}.shortcut.")
                # torch would broadcast [C,1,1] + [C,H,W]; a residual demands equal shapes.
                if tuple(body.shape) != tuple(short.shape):
                    raise Refused(f"layer {path}: residual paths differ {list(body.shape)} vs {list(short.shape)}")
                y = body + short
                act = spec.get("activation")
                if act is not None:
                    if act not in ACTIVATIONS:
                        raise Refused(f"layer {path}: unknown activation {act}")
                    y = ACTIVATIONS[act]()(y)
            else:
                outs = []
                for b, branch in enumerate(spec.get("branches", [])):
                    outs.append(self.run(branch or [], x, f"{path}.branches.{b}."))
                if not outs:
                    raise Refused(f"layer {path}: concat without branches")
                if any(o.dim() != outs[0].dim() or o.shape[2:] != outs[0].shape[2:] for o in outs):
                    raise Refused(f"layer {path}: concat branches differ {[list(o.shape) for o in outs]}")
                y = torch.cat(outs, dim=1)
            children = self.rows[start:]
            row["outputShape"] = list(y.shape[1:])
            # A composite holds what its descendants hold (torchinfo's convention for containers).
            leaves = [r for r in children if r["type"] not in ("sequential", "residual", "concat")]
            row["params"] = sum(r["params"] for r in leaves)
            row["buffers"] = sum(r["buffers"] for r in leaves)
            row["macs"] = sum(r.get("macs", 0) for r in leaves)
            return y
        module, macs = self.module(spec, x, path)
        try:
            module.eval()
            y = module(x)
        except RuntimeError as error:
            raise Refused(f"layer {path}: {error}".splitlines()[0])
        if y.numel() == 0 or min(y.shape) < 1:
            raise Refused(f"layer {path}: output {list(y.shape[1:])} smaller than 1")
        row = {
            "path": path,
            "type": kind,
            "outputShape": list(y.shape[1:]),
            "params": trainable(module),
            "buffers": running_stats(module),
        }
        if macs is not None:
            row["macs"] = macs(y)
        else:
            row["macs"] = 0
        self.rows.append(row)
        return y

    def module(self, spec, x, path):
        kind = spec["type"]
        dims = x.dim() - 1  # without batch
        c = x.shape[1] if dims >= 1 else 0
        try:
            if kind == "conv2d":
                if dims != 3:
                    raise Refused(f"layer {path}: conv2d needs [C,H,W]")
                k = pair(spec["kernel"])
                pad = spec.get("padding", 0)
                pad = pad if isinstance(pad, str) else pair(pad)
                groups = spec.get("groups", 1)
                m = nn.Conv2d(c, spec["filters"], k, stride=pair(spec.get("stride"), 1), padding=pad,
                              dilation=pair(spec.get("dilation"), 1), groups=groups, bias=spec.get("bias", True))
                return m, lambda y: y[0, 0].numel() * m.weight.numel()
            if kind == "conv1d":
                if dims != 2:
                    raise Refused(f"layer {path}: conv1d needs [C,L]")
                pad = spec.get("padding", 0)
                pad = pad if isinstance(pad, str) else single(pad)
                m = nn.Conv1d(c, spec["filters"], single(spec["kernel"]), stride=single(spec.get("stride"), 1),
                              padding=pad, dilation=single(spec.get("dilation"), 1),
                              groups=spec.get("groups", 1), bias=spec.get("bias", True))
                return m, lambda y: y[0, 0].numel() * m.weight.numel()
            if kind == "conv2d_transpose":
                if dims != 3:
                    raise Refused(f"layer {path}: conv2d_transpose needs [C,H,W]")
                m = nn.ConvTranspose2d(c, spec["filters"], pair(spec["kernel"]), stride=pair(spec.get("stride"), 1),
                                       padding=pair(spec.get("padding"), 0),
                                       output_padding=pair(spec.get("output_padding"), 0),
                                       groups=spec.get("groups", 1), bias=spec.get("bias", True),
                                       dilation=pair(spec.get("dilation"), 1))
                return m, None
            if kind in ("maxpool2d", "avgpool2d"):
                if dims != 3:
                    raise Refused(f"layer {path}: {kind} needs [C,H,W]")
                k = pair(spec["kernel"])
                args = dict(kernel_size=k, stride=pair(spec.get("stride"), k), padding=pair(spec.get("padding"), 0),
                            ceil_mode=spec.get("ceil_mode", False))
                if kind == "maxpool2d":
                    return nn.MaxPool2d(dilation=pair(spec.get("dilation"), 1), **args), None
                return nn.AvgPool2d(count_include_pad=spec.get("count_include_pad", True), **args), None
            if kind in ("maxpool1d", "avgpool1d"):
                if dims != 2:
                    raise Refused(f"layer {path}: {kind} needs [C,L]")
                k = single(spec["kernel"])
                args = dict(kernel_size=k, stride=single(spec.get("stride"), k), padding=single(spec.get("padding"), 0),
                            ceil_mode=spec.get("ceil_mode", False))
                if kind == "maxpool1d":
                    return nn.MaxPool1d(dilation=single(spec.get("dilation"), 1), **args), None
                return nn.AvgPool1d(count_include_pad=spec.get("count_include_pad", True), **args), None
            if kind in ("global_avgpool", "global_maxpool"):
                if dims == 2:
                    return (nn.AdaptiveAvgPool1d(1) if kind == "global_avgpool" else nn.AdaptiveMaxPool1d(1)), None
                if dims != 3:
                    raise Refused(f"layer {path}: {kind} needs [C,H,W] or [C,L]")
                return (nn.AdaptiveAvgPool2d(1) if kind == "global_avgpool" else nn.AdaptiveMaxPool2d(1)), None
            if kind == "adaptive_avgpool2d":
                if dims != 3:
                    raise Refused(f"layer {path}: adaptive_avgpool2d needs [C,H,W]")
                return nn.AdaptiveAvgPool2d(pair(spec["output"])), None
            if kind == "batchnorm":
                affine = spec.get("affine", True)
                if dims == 3:
                    return nn.BatchNorm2d(c, affine=affine), None
                if dims in (1, 2):
                    return nn.BatchNorm1d(c, affine=affine), None
                raise Refused(f"layer {path}: batchnorm input")
            if kind in ACTIVATIONS:
                return ACTIVATIONS[kind](), None
            if kind == "softmax":
                return nn.Softmax(dim=1), None
            if kind == "dropout":
                return nn.Dropout(spec.get("rate", 0.5)), None
            if kind == "flatten":
                return nn.Flatten(), None
            if kind == "dense":
                if dims != 1:
                    raise Refused(f"layer {path}: dense needs a flat input")
                m = nn.Linear(c, spec["units"], bias=spec.get("bias", True))
                return m, lambda y: m.weight.numel()
        except (ValueError, RuntimeError, TypeError, KeyError) as error:
            raise Refused(f"layer {path}: {error}".splitlines()[0])
        raise Refused(f"layer {path}: unknown type {kind}")


def answer_spec(spec):
    builder = Builder()
    x = torch.zeros([1] + [int(v) for v in spec["input"]])
    y = builder.run(spec["layers"], x, "")
    leaves = [r for r in builder.rows if r["type"] not in ("sequential", "residual", "concat")]
    return {
        "outputShape": list(y.shape[1:]),
        "totalParams": sum(r["params"] for r in leaves),
        "totalBuffers": sum(r["buffers"] for r in leaves),
        "totalMacs": sum(r["macs"] for r in leaves),
        "layers": builder.rows,
    }


def t(value):
    return torch.tensor(value, dtype=torch.float64)


def answer_op(op):
    name = op["op"]
    if name in ("relu", "sigmoid", "tanh"):
        return getattr(torch, name)(t(op["input"]))
    if name in ("corr2d", "conv2d"):
        x, k = t(op["input"]), t(op["kernel"])
        if x.dim() == 2:
            x = x[None]
        if k.dim() == 2:
            k = k[None]
        single_out = k.dim() == 3
        if single_out:
            k = k[None]
        if name == "conv2d":
            k = torch.flip(k, dims=[-2, -1])
        bias = op.get("bias")
        b = None
        if bias is not None:
            # A number is added to every output channel; a list gives one per output channel.
            b = t(bias).reshape(-1) if isinstance(bias, list) else t([bias]).expand(k.shape[0])
        y = F.conv2d(x[None], k, bias=b, stride=pair(op.get("stride"), 1), padding=pair(op.get("padding"), 0),
                     dilation=pair(op.get("dilation"), 1))[0]
        return y[0] if single_out else y
    if name == "corr1d":
        x, k = t(op["input"]), t(op["kernel"])
        if x.dim() == 1:
            x = x[None]
        if k.dim() == 1:
            k = k[None]
        b = None if op.get("bias") is None else t([op["bias"]])
        y = F.conv1d(x[None], k[None], bias=b, stride=single(op.get("stride"), 1), padding=single(op.get("padding"), 0),
                     dilation=single(op.get("dilation"), 1))[0]
        return y[0]
    if name in ("maxpool2d", "avgpool2d"):
        x = t(op["input"])
        flat = x.dim() == 2
        if flat:
            x = x[None]
        k = pair(op["kernel"])
        args = dict(kernel_size=k, stride=pair(op.get("stride"), k), padding=pair(op.get("padding"), 0),
                    ceil_mode=op.get("ceil_mode", False))
        if name == "maxpool2d":
            y = F.max_pool2d(x[None], dilation=pair(op.get("dilation"), 1), **args)[0]
        else:
            y = F.avg_pool2d(x[None], count_include_pad=op.get("count_include_pad", True), **args)[0]
        return y[0] if flat else y
    if name == "conv2d_transpose":
        x, k = t(op["input"]), t(op["kernel"])
        flat = x.dim() == 2
        if flat:
            x, k = x[None], k[None, None]
        b = None if op.get("bias") is None else (t(op["bias"]).reshape(-1) if isinstance(op["bias"], list) else t([op["bias"]]).expand(k.shape[1]))
        y = F.conv_transpose2d(x[None], k, bias=b, stride=pair(op.get("stride"), 1), padding=pair(op.get("padding"), 0),
                               output_padding=pair(op.get("output_padding"), 0))[0]
        return y[0] if flat else y
    if name == "batchnorm":
        x = t(op["input"])
        c = x.shape[1]
        gamma = t(op["gamma"]) if "gamma" in op else torch.ones(c, dtype=torch.float64)
        beta = t(op["beta"]) if "beta" in op else torch.zeros(c, dtype=torch.float64)
        mean = t(op["running_mean"]) if "running_mean" in op else torch.zeros(c, dtype=torch.float64)
        var = t(op["running_var"]) if "running_var" in op else torch.ones(c, dtype=torch.float64)
        return F.batch_norm(x, mean, var, weight=gamma, bias=beta, training=op.get("mode", "train") == "train",
                            eps=op.get("eps", 1e-5))
    if name in GRADIENT_OPS:
        return answer_gradient(op)
    raise Refused(f"unknown op {name}")


GRADIENT_OPS = ("conv2d_grad", "maxpool2d_grad", "avgpool2d_grad")


def answer_gradient(op):
    """Autograd with L = sum(grad_output * output): y.backward(grad_output) (DESIGN.md, Gradient ops)."""
    name = op["op"]
    with torch.enable_grad():
        x = t(op["input"]).requires_grad_()
        flat = x.dim() == 2
        xb = x[None, None] if flat else x[None]
        dy = t(op["grad_output"])
        if name == "conv2d_grad":
            k = t(op["kernel"]).requires_grad_()
            kb = k[None, None] if k.dim() == 2 else k
            b = torch.zeros(kb.shape[0], dtype=torch.float64, requires_grad=True)
            y = F.conv2d(xb, kb, bias=b, stride=pair(op.get("stride"), 1), padding=pair(op.get("padding"), 0),
                         dilation=pair(op.get("dilation"), 1))
            y.backward(dy.reshape(y.shape))
            grad_bias = b.grad[0] if k.dim() == 2 else b.grad
            answer = {"grad_input": x.grad.tolist(), "grad_kernel": k.grad.tolist(), "grad_bias": grad_bias.tolist()}
            if "learning_rate" in op:
                # torch.optim.SGD's step, not the engine's formula written again in Python.
                step = torch.optim.SGD([k], lr=op["learning_rate"])
                step.step()
                answer["kernel_after_step"] = k.detach().tolist()
            return answer
        kernel = pair(op["kernel"])
        args = dict(kernel_size=kernel, stride=pair(op.get("stride"), kernel), padding=pair(op.get("padding"), 0),
                    ceil_mode=op.get("ceil_mode", False))
        if name == "maxpool2d_grad":
            y = F.max_pool2d(xb, dilation=pair(op.get("dilation"), 1), **args)
        else:
            y = F.avg_pool2d(xb, count_include_pad=op.get("count_include_pad", True), **args)
        if not torch.isfinite(y).all():
            raise Refused("a window holds only padding (output -inf)")
        if tuple(y.shape[-2:]) != tuple(dy.shape[-2:]) or y.numel() != dy.numel():
            raise Refused(f"grad_output {list(dy.shape)} does not match the output {list(y.shape)}")
        y.backward(dy.reshape(y.shape))
        return {"grad_input": x.grad.tolist()}


ZOO = {
    "resnet18": "resnet18", "resnet34": "resnet34", "resnet50": "resnet50", "resnet101": "resnet101",
    "vgg11": "vgg11", "vgg13": "vgg13", "vgg16": "vgg16", "vgg19": "vgg19",
    "vgg11_bn": "vgg11_bn", "vgg13_bn": "vgg13_bn", "vgg16_bn": "vgg16_bn", "vgg19_bn": "vgg19_bn",
    "alexnet": "alexnet", "googlenet": "googlenet", "densenet121": "densenet121", "densenet169": "densenet169",
    "mobilenet_v2": "mobilenet_v2",
}


def answer_zoo(name):
    import torchvision

    if name not in ZOO:
        raise Refused(f"no torchvision model {name}")
    kwargs = {"aux_logits": False, "init_weights": False} if name == "googlenet" else {}
    model = getattr(torchvision.models, ZOO[name])(**kwargs).eval()
    y = model(torch.zeros(1, 3, 224, 224))
    return {
        "totalParams": trainable(model),
        "totalBuffers": running_stats(model),
        "outputShape": list(y.shape[1:]),
    }


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            request = json.loads(line)
            if "spec" in request:
                out = answer_spec(request["spec"])
            elif "op" in request:
                y = answer_op(request["op"])
                if isinstance(y, dict):
                    out = y
                elif not torch.isfinite(y).all():
                    # JSON has no -inf: a max-pool window wholly in padding, which the engine refuses.
                    raise Refused("output not finite (a window holds only padding)")
                else:
                    out = {"output": y.tolist()}
            elif "zoo" in request:
                out = answer_zoo(request["zoo"])
            else:
                raise Refused("unknown request")
        except Refused as error:
            out = {"error": str(error)}
        except (RuntimeError, ValueError, TypeError, KeyError, IndexError) as error:
            out = {"error": f"{type(error).__name__}: {error}".splitlines()[0]}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
