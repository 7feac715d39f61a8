/**
 * Small nn.Module classes for the Keras layers PyTorch has no class for, written into
 * model.py only when the network uses them. Each one is a node in the graph, so every
 * Netwright layer is one named submodule (state_dict keys and forward hooks line up).
 */
export type HelperName =
  | 'Add'
  | 'Multiply'
  | 'Subtract'
  | 'Average'
  | 'Maximum'
  | 'Minimum'
  | 'KerasReLU'
  | 'KerasPReLU'
  | 'Rescaling'
  | 'Normalization'
  | 'Cropping2D'
  | 'ConvTranspose2dSame'
  | 'LayerNorm'
  | 'Permute'
  | 'AvgPool2dSame'
  | 'BatchNorm'
  | 'Concatenate'
  | 'KerasFlatten'
  | 'PixelwiseLinear'
  | 'Reshape'
  | 'SeparableConv2d';

const sources: Record<HelperName, string> = {
  Concatenate: `class Concatenate(nn.Module):
    """Keras's Concatenate: joins its inputs along one axis (1: NCHW's channels)."""

    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, *tensors):
        return torch.cat(tensors, dim=self.dim)
`,
  Add: `class Add(nn.Module):
    """Keras's Add: the element-wise sum of its inputs, in input order."""

    def forward(self, *tensors):
        total = tensors[0]
        for tensor in tensors[1:]:
            total = total + tensor
        return total
`,
  Multiply: `class Multiply(nn.Module):
    """Keras's Multiply: the element-wise product (axes of size 1 stretch)."""

    def forward(self, *tensors):
        product = tensors[0]
        for tensor in tensors[1:]:
            product = product * tensor
        return product
`,
  Subtract: `class Subtract(nn.Module):
    """Keras's Subtract: its first input minus its second."""

    def forward(self, a, b):
        return a - b
`,
  Average: `class Average(nn.Module):
    """Keras's Average: the element-wise mean of its inputs."""

    def forward(self, *tensors):
        total = tensors[0]
        for tensor in tensors[1:]:
            total = total + tensor
        return total / len(tensors)
`,
  Maximum: `class Maximum(nn.Module):
    """Keras's Maximum: the element-wise largest of its inputs."""

    def forward(self, *tensors):
        out = tensors[0]
        for tensor in tensors[1:]:
            out = torch.maximum(out, tensor)
        return out
`,
  Minimum: `class Minimum(nn.Module):
    """Keras's Minimum: the element-wise smallest of its inputs."""

    def forward(self, *tensors):
        out = tensors[0]
        for tensor in tensors[1:]:
            out = torch.minimum(out, tensor)
        return out
`,
  KerasReLU: `class KerasReLU(nn.Module):
    """Keras's ReLU layer with its options: x from the threshold up (capped at
    max_value), negative_slope * (x - threshold) below it.
    """

    def __init__(self, max_value=None, negative_slope=0.0, threshold=0.0):
        super().__init__()
        self.max_value = max_value
        self.negative_slope = negative_slope
        self.threshold = threshold

    def forward(self, x):
        below = self.negative_slope * (x - self.threshold)
        y = torch.where(x >= self.threshold, x, below)
        return y if self.max_value is None else torch.clamp(y, max=self.max_value)
`,
  KerasPReLU: `class KerasPReLU(nn.Module):
    """Keras's PReLU: learned slopes below zero, one per value of \`shape\` (the
    input's, NCHW, with Keras's shared axes set to 1); nn.PReLU has one per channel.
    """

    def __init__(self, shape):
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(shape))

    def forward(self, x):
        return torch.where(x >= 0, x, self.weight * x)
`,
  Rescaling: `class Rescaling(nn.Module):
    """Keras's Rescaling: x * scale + offset. A list is one value per channel, as
    Keras >= 2.10's EfficientNet scales each colour by its own factor.
    """

    def __init__(self, scale, offset=0.0, channels_last=False):
        super().__init__()
        self.scale = scale
        self.offset = offset
        self.channels_last = channels_last

    def forward(self, x):
        return x * self.per_channel(self.scale, x) + self.per_channel(self.offset, x)

    def per_channel(self, value, x):
        if not isinstance(value, list):
            return value
        shape = (-1,) if self.channels_last else (-1, 1, 1)
        return torch.tensor(value, dtype=x.dtype, device=x.device).reshape(shape)
`,
  Normalization: `class Normalization(nn.Module):
    """Keras's Normalization over the channels: (x - mean) / sqrt(variance). Statistics
    to be filled from data are buffers with a count (Keras's 2 * C + 1 non-trainable
    weights); statistics given as settings are constants, as Keras keeps them.
    """

    def __init__(self, channels, mean=None, variance=None, channels_last=False):
        super().__init__()
        self.channels_last = channels_last
        self.fixed = None if mean is None else (mean, variance)
        if self.fixed is None:
            self.register_buffer("mean", torch.zeros(channels))
            self.register_buffer("variance", torch.ones(channels))
            self.register_buffer("count", torch.zeros((), dtype=torch.int64))

    def forward(self, x):
        if self.fixed is None:
            mean, variance = self.mean, self.variance
        else:
            mean, variance = (
                torch.tensor(v, dtype=x.dtype, device=x.device) for v in self.fixed
            )
        shape = (-1,) if self.channels_last else (-1, 1, 1)
        std = torch.sqrt(variance).clamp(min=1e-7)
        return (x - mean.reshape(shape)) / std.reshape(shape)
`,
  Cropping2D: `class Cropping2D(nn.Module):
    """Keras's Cropping2D: cuts (top, bottom, left, right) rows and columns off."""

    def __init__(self, cropping):
        super().__init__()
        self.cropping = cropping

    def forward(self, x):
        top, bottom, left, right = self.cropping
        return x[:, :, top : x.shape[2] - bottom, left : x.shape[3] - right]
`,
  ConvTranspose2dSame: `class ConvTranspose2dSame(nn.ConvTranspose2d):
    """Keras's Conv2DTranspose with 'same' padding where TensorFlow crops one row or
    column more at the bottom or right than at the top or left: nn.ConvTranspose2d
    crops \`padding\` from both sides, and \`trim\` (rows, columns) more come off the end.
    """

    def __init__(self, *args, trim=(0, 0), **kwargs):
        super().__init__(*args, **kwargs)
        self.trim = trim

    def forward(self, x):
        y = super().forward(x)
        return y[:, :, : y.shape[2] - self.trim[0], : y.shape[3] - self.trim[1]]
`,
  LayerNorm: `class LayerNorm(nn.Module):
    """Keras's LayerNormalization over the channels: the last axis, which is dim 1 of
    an NCHW image (nn.LayerNorm normalizes trailing dims only). Keras's flags for
    gamma (scale) and beta (center) are kept.
    """

    def __init__(self, channels, eps, scale=True, center=True, image=False):
        super().__init__()
        self.channels = channels
        self.eps = eps
        self.image = image
        self.weight = nn.Parameter(torch.ones(channels)) if scale else None
        self.bias = nn.Parameter(torch.zeros(channels)) if center else None

    def forward(self, x):
        if self.image:
            x = x.permute(0, 2, 3, 1)
        x = F.layer_norm(x, (self.channels,), self.weight, self.bias, self.eps)
        return x.permute(0, 3, 1, 2) if self.image else x
`,
  Permute: `class Permute(nn.Module):
    """Keras's Permute, on Keras's (NHWC) axes: an image is put in NHWC order first,
    and the result, an image again, is put back in NCHW.
    """

    def __init__(self, dims, image_in=False):
        super().__init__()
        self.dims = dims
        self.image_in = image_in

    def forward(self, x):
        if self.image_in:
            x = x.permute(0, 2, 3, 1)
        x = x.permute(0, *self.dims)
        return x.permute(0, 3, 1, 2) if self.image_in else x
`,
  BatchNorm: `class BatchNorm(nn.Module):
    """Keras's BatchNormalization where nn.BatchNorm2d cannot say it: without gamma
    (scale=False) or beta (center=False), or with channels on the last axis of a
    tensor that is not an image. Same buffers and update rule as nn.BatchNorm2d.
    """

    def __init__(
        self, channels, eps, momentum, scale=True, center=True, channels_last=False
    ):
        super().__init__()
        self.eps = eps
        self.momentum = momentum
        self.channels_last = channels_last
        self.weight = nn.Parameter(torch.ones(channels)) if scale else None
        self.bias = nn.Parameter(torch.zeros(channels)) if center else None
        self.register_buffer("running_mean", torch.zeros(channels))
        self.register_buffer("running_var", torch.ones(channels))

    def forward(self, x):
        if self.channels_last:
            x = x.movedim(-1, 1)
        x = F.batch_norm(
            x,
            self.running_mean,
            self.running_var,
            self.weight,
            self.bias,
            self.training,
            self.momentum,
            self.eps,
        )
        return x.movedim(1, -1) if self.channels_last else x
`,
  AvgPool2dSame: `class AvgPool2dSame(nn.Module):
    """TensorFlow's average pool with asymmetric 'same' padding: each window averages
    only the pixels it covers. (PyTorch's count_include_pad=False needs symmetric
    padding.)
    """

    def __init__(self, kernel_size, stride, padding):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride
        self.padding = padding  # (left, right, top, bottom), as F.pad takes it

    def forward(self, x):
        # With divisor_override=1 the pools add up: the pixels, and ones to count them.
        window = dict(kernel_size=self.kernel_size, stride=self.stride)
        total = F.avg_pool2d(F.pad(x, self.padding), **window, divisor_override=1)
        ones = torch.ones_like(x[:1, :1])
        count = F.avg_pool2d(F.pad(ones, self.padding), **window, divisor_override=1)
        return total / count
`,
  KerasFlatten: `class KerasFlatten(nn.Module):
    """Keras's Flatten of an image: NCHW is put back in Keras's NHWC order first, so the
    features come out in the order Netwright's Dense weights expect.
    """

    def forward(self, x):
        return x.permute(0, 2, 3, 1).flatten(1)
`,
  Reshape: `class Reshape(nn.Module):
    """Keras's Reshape, done in Keras's (NHWC) element order: images are permuted from
    NCHW before reshaping, and a result that is an image is permuted back to NCHW.
    """

    def __init__(self, shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        if x.dim() == 4:
            x = x.permute(0, 2, 3, 1)
        x = x.reshape(x.shape[0], *self.shape)
        return x.permute(0, 3, 1, 2) if len(self.shape) == 3 else x
`,
  PixelwiseLinear: `class PixelwiseLinear(nn.Linear):
    """Keras's Dense on an image: the same Linear at every pixel, over the channels."""

    def forward(self, x):
        return super().forward(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)
`,
  SeparableConv2d: `class SeparableConv2d(nn.Module):
    """Keras's SeparableConv2D: a depthwise conv without bias, then a 1x1 conv."""

    def __init__(
        self,
        in_channels,
        out_channels,
        kernel_size,
        stride=1,
        padding=0,
        dilation=1,
        depth_multiplier=1,
        bias=True,
    ):
        super().__init__()
        middle = in_channels * depth_multiplier
        self.depthwise = nn.Conv2d(
            in_channels,
            middle,
            kernel_size,
            stride=stride,
            padding=padding,
            dilation=dilation,
            groups=in_channels,
            bias=False,
        )
        self.pointwise = nn.Conv2d(middle, out_channels, 1, bias=bias)

    def forward(self, x):
        return self.pointwise(self.depthwise(x))
`,
};

/** Helper sources in a fixed order, so the same network always gives the same file. */
export function helperSources(used: ReadonlySet<HelperName>): string[] {
  return (Object.keys(sources) as HelperName[]).filter((name) => used.has(name)).map((name) => sources[name]);
}
