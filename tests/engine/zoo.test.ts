import { describe, expect, it } from "vitest";
import { analyze, EngineError } from "@/lib/engine";
import { zooModel, zooNames, zooSpec } from "@/lib/engine/zoo";

/**
 * Every zoo model held to a number that does not come from this engine: torchvision's documented
 * `num_params` and GFLOPS (the model builders' pages, docs.pytorch.org/vision/stable/models,
 * "weights" tables: torchvision reports multiply-accumulates as "GFLOPS"), NNDL 5.3's LeNet-5
 * table, and for d2l's variants (the book prints shapes, not totals) a count by hand from the
 * book's code, cross-checked by running that code in PyTorch 1.13 and summing `p.numel()`.
 */

// torchvision docs, model builders: num_params and GFLOPS of each ImageNet weights entry
const TORCHVISION: Record<string, [params: number, gmacs: string]> = {
  alexnet: [61_100_840, "0.71"],
  vgg11: [132_863_336, "7.61"],
  vgg11_bn: [132_868_840, "7.61"],
  vgg13: [133_047_848, "11.31"],
  vgg13_bn: [133_053_736, "11.31"],
  vgg16: [138_357_544, "15.47"],
  vgg16_bn: [138_365_992, "15.47"],
  vgg19: [143_667_240, "19.63"],
  vgg19_bn: [143_678_248, "19.63"],
  googlenet: [6_624_904, "1.50"], // GoogLeNet_Weights.IMAGENET1K_V1, without the auxiliary heads
  resnet18: [11_689_512, "1.81"],
  resnet34: [21_797_672, "3.66"],
  resnet50: [25_557_032, "4.09"],
  resnet101: [44_549_160, "7.80"],
  densenet121: [7_978_856, "2.83"],
  densenet169: [14_149_480, "3.36"],
  mobilenet_v2: [3_504_872, "0.30"],
};

describe("the zoo's torchvision models", () => {
  it.each(Object.entries(TORCHVISION))("%s has torchvision's published parameters and GMACs", (name, [params, gmacs]) => {
    const answer = analyze(zooSpec(name));
    expect(answer.input).toEqual([3, 224, 224]);
    expect(answer.outputShape).toEqual([1000]);
    expect(answer.totalParams).toBe(params);
    expect((answer.totalMacs / 1e9).toFixed(2)).toBe(gmacs);
  });

  it("keeps ResNet-50's 2048×7×7 feature map before pooling", () => {
    // He et al. 2016, table 1: conv5_x output 7×7, 2048 channels for the 50-layer network
    const answer = analyze(zooSpec("resnet50"));
    const stage4 = answer.layers.find((layer) => layer.path === "7");
    expect(stage4).toMatchObject({ type: "sequential", name: "layer4", outputShape: [2048, 7, 7] });
  });

  it("counts BN running statistics as buffers: 2 per channel", () => {
    // by hand, ResNet-18: BN channels 64 (stem) + 4·64 + (4·128 + 128) + (4·256 + 256) + (4·512 + 512)
    // = 64 + 256 + 640 + 1,280 + 2,560 = 4,800, buffers 2·4,800 = 9,600 (torchvision's running_mean
    // and running_var; num_batches_tracked is not counted, see batchnorm.ts)
    expect(analyze(zooSpec("resnet18")).totalBuffers).toBe(9_600);
  });
});

describe("the zoo's book models", () => {
  it("d2l LeNet: 61,706 parameters (DESIGN.md; d2l 6.6)", () => {
    // by hand: 156 + 2,416 + 48,120 + 10,164 + 850
    expect(analyze(zooSpec("d2l-lenet")).totalParams).toBe(61_706);
  });

  it("NNDL LeNet-5: C1, C5 and F6 as NNDL 5.3 counts them, C3 fully connected", () => {
    const answer = analyze(zooSpec("nndl-lenet5"));
    const byName = (name: string) => answer.layers.find((layer) => layer.name === name);
    // NNDL 5.3.1: C1 6×(5×5 + 1) = 156 params, 156×28×28 = 122,304 connections
    expect(byName("C1")).toMatchObject({ outputShape: [6, 28, 28], params: 156, connections: 122_304 });
    // NNDL 5.3.1: C5 120×16×5×5 + 120 = 48,120 params and connections (its output is 1×1)
    expect(byName("C5")).toMatchObject({ outputShape: [120, 1, 1], params: 48_120, connections: 48_120 });
    // NNDL 5.3.1: F6 84×(120 + 1) = 10,164 params
    expect(byName("F6")).toMatchObject({ params: 10_164 });
    // C3 with a full connection table instead of NNDL's 60-entry one (1,516 params): 16·6·25 + 16
    expect(byName("C3")).toMatchObject({ outputShape: [16, 10, 10], params: 2_416 });
    // by hand: 156 + 2,416 + 48,120 + 10,164 + 840 (RBF output, 84·10, no bias) = 61,696; S2 and S4
    // have no trainable coefficients here (NNDL: 12 and 32), see lenet.ts
    expect(answer.totalParams).toBe(61_696);
  });

  it("d2l AlexNet: 46,764,746 parameters, a 256×5×5 map before flattening", () => {
    // by hand from d2l 7.1's code: convs 1·96·121 + 96 = 11,712; 96·256·25 + 256 = 614,656;
    // 256·384·9 + 384 = 885,120; 384·384·9 + 384 = 1,327,488; 384·256·9 + 256 = 884,992;
    // dense 6,400·4,096 + 4,096 = 26,218,496; 4,096·4,096 + 4,096 = 16,781,312; 4,096·10 + 10 = 40,970
    const answer = analyze(zooSpec("d2l-alexnet"));
    expect(answer.totalParams).toBe(46_764_746);
    // d2l 7.1 prints MaxPool2d output shape: torch.Size([1, 256, 5, 5]) before Flatten
    expect(answer.layers[12]?.outputShape).toEqual([256, 5, 5]);
  });

  it("d2l VGG-11: 128,806,154 parameters, 512×7×7 after the last block", () => {
    // by hand from d2l 7.2's vgg(conv_arch): convs 640 + 73,856 + 295,168 + 590,080 + 1,180,160
    // + 3·2,359,808 = 9,219,328; dense 25,088·4,096 + 4,096 = 102,764,544, + 16,781,312 + 40,970
    const answer = analyze(zooSpec("d2l-vgg11"));
    expect(answer.totalParams).toBe(128_806_154);
    // d2l 7.2 prints Sequential output shape: torch.Size([1, 512, 7, 7]) for the fifth block
    expect(answer.layers.filter((layer) => !layer.path.includes("."))[4]?.outputShape).toEqual([512, 7, 7]);
  });

  it("d2l NiN: 1,992,166 parameters, 10 outputs from global pooling", () => {
    // by hand from d2l 7.3's code: block 1 11,712 + 2·(96·96 + 96) = 30,336; block 2 614,656 +
    // 2·65,792 = 746,240; block 3 885,120 + 2·147,840 = 1,180,800; block 4 384·10·9 + 10 + 2·110 = 34,790
    const answer = analyze(zooSpec("d2l-nin"));
    expect(answer.totalParams).toBe(1_992_166);
    expect(answer.outputShape).toEqual([10]);
  });

  it("d2l GoogLeNet: 5,977,530 parameters, 1024 features before the dense layer", () => {
    // PyTorch 1.13's count of d2l 7.4's code (Inception blocks b1–b5, Linear(1024, 10)) on 1×96×96
    const answer = analyze(zooSpec("d2l-googlenet"));
    expect(answer.totalParams).toBe(5_977_530);
    // d2l 7.4 prints the shapes: b5 output torch.Size([1, 1024])
    expect(answer.layers.find((layer) => layer.path === "4")?.outputShape).toEqual([1024]);
  });

  it("d2l ResNet-18: 11,178,378 parameters and d2l 7.6's stage shapes", () => {
    // by hand from d2l 7.6's code (conv biases, 1×1 shortcut convs without BN): b1 3,328, b2
    // 148,224, b3 525,952, b4 2,100,480, b5 8,395,264, Linear 5,130; PyTorch 1.13 counts the same
    const answer = analyze(zooSpec("d2l-resnet18"));
    expect(answer.totalParams).toBe(11_178_378);
    // d2l 7.6 prints: b1 [1, 64, 56, 56], b2 [1, 64, 56, 56], b3 [1, 128, 28, 28], b4 [1, 256, 14, 14], b5 [1, 512, 7, 7]
    const stages = answer.layers.filter((layer) => /^[0-4]$/.test(layer.path)).map((layer) => layer.outputShape);
    expect(stages).toEqual([[64, 56, 56], [64, 56, 56], [128, 28, 28], [256, 14, 14], [512, 7, 7]]);
  });

  it("d2l DenseNet: 758,226 parameters, 248 channels at the end", () => {
    // by hand from d2l 7.7's code: b1 3,328; dense blocks 130,048, 167,168, 185,728, 195,008;
    // transitions 18,912, 25,648, 29,400; final BN 496; Linear 248·10 + 10 = 2,490 (PyTorch 1.13 agrees)
    const answer = analyze(zooSpec("d2l-densenet"));
    expect(answer.totalParams).toBe(758_226);
    expect(answer.layers.find((layer) => layer.path === "8")?.outputShape).toEqual([248, 3, 3]);
  });
});

describe("the zoo registry", () => {
  it("lists unique names, each with an origin and a source, each a valid spec", () => {
    const names = zooNames();
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["resnet18", "d2l-lenet", "nndl-lenet5", "mobilenet_v2", "vgg16_bn"]));
    for (const name of names) {
      expect(zooModel(name)?.source.length).toBeGreaterThan(0);
      expect(() => analyze(zooSpec(name))).not.toThrow();
    }
  });

  it("builds a fresh spec each time and refuses an unknown name", () => {
    expect(zooSpec("resnet18")).not.toBe(zooSpec("resnet18"));
    const error = (() => {
      try {
        zooSpec("resnet19");
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe("unknown-model");
    expect((error as EngineError).message).toMatch(/^unknown zoo model "resnet19"; known models: d2l-lenet, /);
  });
});
