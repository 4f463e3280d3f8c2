import { avgPool, conv, dense, flatten, sigmoid, tanh, type ZooModel } from "./build";

/**
 * LeNet as d2l builds it (6.6 zh / 7.6 en, and DESIGN.md's example spec): 28×28 Fashion-MNIST,
 * padding 2 on the first convolution, sigmoid, average pooling, dense 120-84-10.
 */
export const d2lLeNet: ZooModel = {
  name: "d2l-lenet",
  origin: "d2l",
  source: "d2l 6.6 (zh) / 7.6 (en), LeNet; DESIGN.md's example spec",
  build: () => ({
    name: "LeNet (d2l)",
    input: [1, 28, 28],
    layers: [
      conv(6, 5, { padding: 2 }), sigmoid(), avgPool(2, 2),
      conv(16, 5), sigmoid(), avgPool(2, 2),
      flatten(),
      dense(120), sigmoid(),
      dense(84), sigmoid(),
      dense(10),
    ],
  }),
};

/**
 * LeNet-5 as NNDL 5.3 describes it (LeCun et al. 1998): a 32×32 input, C1 6@5×5 → 28×28,
 * S2 2×2 subsampling, C3 16@5×5 → 10×10, S4, C5 120@5×5 → 1×1, F6 84, output 10.
 *
 * Where the engine's layers cannot say what the 1998 network did, this spec differs, and its counts
 * with it (NNDL 5.3's figures in brackets):
 * - C3: the original connects each of its 16 maps to only some of S2's 6 maps (a connection table
 *   of 60 entries: 1,516 params [151,600 connections]); here C3 is a full convolution, 16·6·25 + 16
 *   = 2,416 params and 16·10·10·(150 + 1) = 241,600 connections.
 * - S2 and S4: the original multiplies each 2×2 sum by a trainable coefficient and adds a trainable
 *   bias (12 and 32 params); here they are average pooling followed by a sigmoid, with 0 params.
 * - Output: 10 Euclidean RBF units with 84 centres each, 840 params and no bias; here a dense
 *   layer without bias, which has the same 840 params.
 * - Activations: the scaled tanh of the original is `tanh` here (no effect on any count).
 * C1 (156 params, 122,304 connections), C5 (48,120) and F6 (10,164) are exactly NNDL 5.3's.
 */
export const nndlLeNet5: ZooModel = {
  name: "nndl-lenet5",
  origin: "nndl",
  source: "NNDL (Qiu Xipeng) 5.3.1, LeNet-5 (LeCun et al. 1998), full C3 connection table",
  build: () => ({
    name: "LeNet-5 (NNDL)",
    input: [1, 32, 32],
    layers: [
      { ...conv(6, 5), name: "C1" }, tanh(),
      { ...avgPool(2, 2), name: "S2" }, sigmoid(),
      { ...conv(16, 5), name: "C3" }, tanh(),
      { ...avgPool(2, 2), name: "S4" }, sigmoid(),
      { ...conv(120, 5), name: "C5" }, tanh(),
      flatten(),
      { ...dense(84), name: "F6" }, tanh(),
      { ...dense(10, false), name: "output (RBF)" },
    ],
  }),
};
