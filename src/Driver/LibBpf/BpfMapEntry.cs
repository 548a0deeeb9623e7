namespace BtLang.Driver.LibBpf;

/// <summary>
/// One key/value pair read from a map. For per-CPU maps <see cref="Value"/> holds one value per possible CPU,
/// each padded to 8 bytes (see <see cref="BpfMap.GetCpuValue"/>).
/// </summary>
public sealed record BpfMapEntry(byte[] Key, byte[] Value);
