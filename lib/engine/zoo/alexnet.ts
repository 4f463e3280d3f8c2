import { adaptiveAvgPool, conv, dense, dropout, flatten, maxPool, relu, type ZooModel } from "./build";

/** AlexNet as d2l builds it (7.1 zh / 8.1 en): one input channel, 224×224, 10 classes. */
export const d2lAlexNet: ZooModel = {
  name: "d2l-alexnet",
  origin: "d2l",
  source: "d2l 7.1 (zh) / 8.1 (en), AlexNet (Fashion-MNIST resized to 224)",
  build: () => ({
    name: "AlexNet (d2l)",
    input: [1, 224, 224],
    layers: [
      conv(96, 11, { stride: 4, padding: 1 }), relu(), maxPool(3, 2),
      conv(256, 5, { padding: 2 }), relu(), maxPool(3, 2),
      conv(384, 3, { padding: 1 }), relu(),
      conv(384, 3, { padding: 1 }), relu(),
      conv(256, 3, { padding: 1 }), relu(), maxPool(3, 2),
      flatten(),
      dense(4096), relu(), dropout(0.5),
      dense(4096), relu(), dropout(0.5),
      dense(10),
    ],
  }),
};

/** torchvision's `alexnet()` (the one-GPU variant of Krizhevsky 2014): 3×224×224, 1000 classes. */
export const torchvisionAlexNet: ZooModel = {
  name: "alexnet",
  origin: "torchvision",
  source: "torchvision.models.alexnet (torchvision/models/alexnet.py)",
  build: () => ({
    name: "AlexNet (torchvision)",
    input: [3, 224, 224],
    layers: [
      conv(64, 11, { stride: 4, padding: 2 }), relu(), maxPool(3, 2),
      conv(192, 5, { padding: 2 }), relu(), maxPool(3, 2),
      conv(384, 3, { padding: 1 }), relu(),
      conv(256, 3, { padding: 1 }), relu(),
      conv(256, 3, { padding: 1 }), relu(), maxPool(3, 2),
      adaptiveAvgPool(6),
      flatten(),
      dropout(0.5), dense(4096), relu(),
      dropout(0.5), dense(4096), relu(),
      dense(1000),
    ],
  }),
};
