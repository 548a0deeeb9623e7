using BtLang.Diagnostics;
using BtLang.Semantics.Types;

namespace BtLang.Semantics.Binding;

/// <summary>
/// What one pass of the binder has learnt about one map so far (types unify over the whole program). Reading
/// <see cref="ValueType"/>, <see cref="KeyType"/> or <see cref="HasKey"/> records which state of the map was seen;
/// before the pass assigns the map, a read sees the type the previous pass ended with (the hint). A pass whose reads
/// saw a state that is not the one it ends with (a read before the assignment that types the map, a string that
/// grows later) is bound again (see <see cref="Binder"/>).
/// </summary>
internal sealed class MapInfo
{
    private BtType? _keyType;
    private bool? _hasKey;
    private BtType? _valueType;
    private int _keyVersion;
    private int _valueVersion;
    private int _oldestKeySeen = int.MaxValue;
    private int _oldestValueSeen = int.MaxValue;
    private readonly MapInfo? _hint;
    private readonly bool _unifyWithHint;
    private bool _keyHintSeen;
    private bool _valueHintSeen;

    /// <summary>
    /// A map in a new pass. <paramref name="previousPass"/> (the map at the end of the previous pass) is what reads
    /// see before this pass assigns the map; with <paramref name="unifyWithHint"/> (the previous pass read no map
    /// before any assignment, so its types are real) assignments also start from it, so that a type widened late in
    /// the previous pass is the type from the start.
    /// </summary>
    public MapInfo(string name, MapInfo? previousPass = null, bool unifyWithHint = false)
    {
        Name = name;
        _hint = previousPass;
        _unifyWithHint = unifyWithHint && previousPass is not null;
    }

    public string Name { get; }

    /// <summary>Key type, null for scalar maps; meaningful once <see cref="HasKey"/> is known.</summary>
    public BtType? KeyType
    {
        get
        {
            if (_hasKey is null && _hint?._hasKey is not null)
            {
                _keyHintSeen = true;
                return _hint._keyType;
            }

            SeeKey();
            return _keyType;
        }

        set
        {
            if (!Same(_keyType, value))
            {
                _keyType = value;
                _keyVersion++;
            }
        }
    }

    public bool? HasKey
    {
        get
        {
            if (_hasKey is null && _hint?._hasKey is not null)
            {
                _keyHintSeen = true;
                return _hint._hasKey;
            }

            SeeKey();
            return _hasKey;
        }

        set
        {
            if (_hasKey != value)
            {
                _hasKey = value;
                _keyVersion++;
            }
        }
    }

    /// <summary>Null until the map is first assigned.</summary>
    public BtType? ValueType
    {
        get
        {
            if (_valueType is null && _hint?._valueType is not null)
            {
                _valueHintSeen = true;
                return _hint._valueType;
            }

            SeeValue();
            return _valueType;
        }

        set
        {
            if (!Same(_valueType, value))
            {
                _valueType = value;
                _valueVersion++;
            }
        }
    }

    /// <summary>The value type to unify an assignment with (this pass's, else a trusted hint), without recording a read.</summary>
    public BtType? CurrentValueType => _valueType ?? (_unifyWithHint ? _hint!._valueType : null);

    /// <summary>The key type to unify an access with, without recording a read.</summary>
    public BtType? CurrentKeyType => _hasKey is not null ? _keyType : (_unifyWithHint ? _hint!._keyType : null);

    /// <summary>Whether the map has keys (this pass's, else a trusted hint), without recording a read.</summary>
    public bool? CurrentHasKey => _hasKey ?? (_unifyWithHint ? _hint!._hasKey : null);

    /// <summary>The value type this pass has assigned (no hint), for the program's map symbols.</summary>
    public BtType? AssignedValueType => _valueType;

    /// <summary>The key type this pass has seen (no hint), for the program's map symbols.</summary>
    public BtType? AssignedKeyType => _hasKey == true ? _keyType : null;

    /// <summary>True when a read in this pass saw a key or value type that is not the current one.</summary>
    public bool SawChangedState =>
        _oldestKeySeen < _keyVersion || _oldestValueSeen < _valueVersion
        || (_valueHintSeen && !Same(_valueType, _hint!._valueType))
        || (_keyHintSeen && (_hasKey != _hint!._hasKey || !Same(_keyType, _hint._keyType)));

    public List<Location> Locations { get; } = new();

    public Location? FirstAssignment { get; set; }

    public string? DeclaredKind { get; set; }

    public int? DeclaredMaxEntries { get; set; }

    public bool IsRead { get; set; }

    /// <summary>Records that the current value type is what a bound node uses.</summary>
    public void SeeValue() => _oldestValueSeen = Math.Min(_oldestValueSeen, _valueVersion);

    /// <summary>Records that the current key type is what a bound node uses.</summary>
    public void SeeKey() => _oldestKeySeen = Math.Min(_oldestKeySeen, _keyVersion);

    private static bool Same(BtType? a, BtType? b) => a is null ? b is null : a.Equals(b);
}
