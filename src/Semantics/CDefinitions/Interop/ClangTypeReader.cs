using System.Collections.Immutable;
using BtLang.Semantics.Types;

namespace BtLang.Semantics.CDefinitions.Interop;

/// <summary>
/// Reads the declarations of a parsed translation unit into BtLang types: named structs, unions, enums (with their
/// constants) and typedefs. Layouts (sizes, member offsets, bitfields) are clang's. Everything is converted eagerly,
/// so the result does not depend on the translation unit after it is disposed.
/// </summary>
internal sealed class ClangTypeReader
{
    private readonly Dictionary<string, BtType> _recordsBySpelling = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<StructMember>> _membersBySpelling = new(StringComparer.Ordinal);
    private readonly Func<string, bool, StructType?>? _externalStructs;
    private int _anonymousCount;

    /// <param name="externalStructs">Resolves structs the C text only declares (<c>struct task_struct *</c>), e.g. from BTF.</param>
    public ClangTypeReader(Func<string, bool, StructType?>? externalStructs) => _externalStructs = externalStructs;

    public Dictionary<string, StructType> Structs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StructType> Unions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EnumType> Enums { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (long Value, EnumType Type)> EnumConstants { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BtType> Typedefs { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads one top-level cursor (others than records, enums and typedefs are ignored).</summary>
    public void Read(CXCursor cursor)
    {
        switch (cursor.Kind)
        {
            case CXCursorKind.StructDecl:
            case CXCursorKind.UnionDecl:
            case CXCursorKind.EnumDecl:
                if (LibClang.clang_isCursorDefinition(cursor) != 0)
                {
                    Convert(LibClang.clang_getCursorType(cursor));
                }

                break;
            case CXCursorKind.TypedefDecl:
                string name = LibClang.ToStringAndDispose(LibClang.clang_getCursorSpelling(cursor));
                var underlying = LibClang.clang_getTypedefDeclUnderlyingType(cursor);
                Typedefs[name] = Convert(underlying);
                break;
        }
    }

    private BtType Convert(CXType type)
    {
        var canonical = LibClang.clang_getCanonicalType(type);
        long size = LibClang.clang_Type_getSizeOf(canonical);
        switch (canonical.Kind)
        {
            case CXTypeKind.Void:
                return SimpleType.Void;
            case CXTypeKind.Bool:
                return SimpleType.Bool;
            case CXTypeKind.Char_S or CXTypeKind.SChar or CXTypeKind.Short or CXTypeKind.Int or CXTypeKind.Long
                or CXTypeKind.LongLong or CXTypeKind.WChar:
                return Integer(size, isSigned: true);
            case CXTypeKind.Char_U or CXTypeKind.UChar or CXTypeKind.UShort or CXTypeKind.UInt or CXTypeKind.ULong
                or CXTypeKind.ULongLong or CXTypeKind.Char16 or CXTypeKind.Char32:
                return Integer(size, isSigned: false);
            case CXTypeKind.Float or CXTypeKind.Double:
                // BtLang has no floating point; like the BTF converter, keep the size.
                return Integer(size, isSigned: true);
            case CXTypeKind.Pointer:
                var pointee = LibClang.clang_getCanonicalType(LibClang.clang_getPointeeType(canonical));
                return new PointerType(pointee.Kind is CXTypeKind.Void or CXTypeKind.FunctionProto or CXTypeKind.FunctionNoProto
                    ? SimpleType.Void
                    : Convert(pointee));
            case CXTypeKind.ConstantArray:
            case CXTypeKind.IncompleteArray:
                var element = Convert(LibClang.clang_getArrayElementType(canonical));
                int count = canonical.Kind == CXTypeKind.ConstantArray ? (int)Math.Clamp(LibClang.clang_getArraySize(canonical), 0, 1 << 20) : 0;
                return element is IntegerType { Bits: 8 } && count > 0 ? new StringType(count) : new ArrayType(element, count);
            case CXTypeKind.Record:
                return Record(canonical, size);
            case CXTypeKind.Enum:
                return Enum(canonical, size);
            default:
                return size > 0 ? Integer(size, isSigned: false) : IntegerType.UInt64;
        }
    }

    private static BtType Integer(long size, bool isSigned) => size switch
    {
        1 or 2 or 4 or 8 => IntegerType.Get((int)size * 8, isSigned),
        > 0 => new ArrayType(IntegerType.UInt8, (int)size),
        _ => IntegerType.Get(64, isSigned),
    };

    private BtType Record(CXType canonical, long size)
    {
        string spelling = LibClang.ToStringAndDispose(LibClang.clang_getTypeSpelling(canonical));
        if (_recordsBySpelling.TryGetValue(spelling, out var known))
        {
            return known;
        }

        var declaration = LibClang.clang_getTypeDeclaration(canonical);
        bool isUnion = declaration.Kind == CXCursorKind.UnionDecl;
        string name = LibClang.clang_Cursor_isAnonymous(declaration) != 0
            ? $"anon#{++_anonymousCount}"
            : LibClang.ToStringAndDispose(LibClang.clang_getCursorSpelling(declaration));

        if (size < 0 && name.Length > 0 && !name.StartsWith("anon#", StringComparison.Ordinal) && _externalStructs?.Invoke(name, isUnion) is { } external)
        {
            _recordsBySpelling[spelling] = external;
            return external;
        }

        // Registered before its members are read, so pointers back to it (linked lists) end the recursion.
        var record = new StructType(name, isUnion, (int)Math.Max(0, size), () => _membersBySpelling.GetValueOrDefault(spelling, ImmutableArray<StructMember>.Empty));
        _recordsBySpelling[spelling] = record;
        if (size >= 0)
        {
            var definition = LibClang.clang_getCursorDefinition(declaration);
            var members = ImmutableArray.CreateBuilder<StructMember>();
            AddMembers(definition, canonical, members, depth: 0);

            // A stand-in for a kernel struct the script embeds by value (only its size and alignment, for clang's
            // layout of the script's struct): the struct itself is the kernel's, from BTF.
            if (members.Count == 1 && members[0].Name == CDeclarations.BtfStandInField && _externalStructs?.Invoke(name, isUnion) is { } kernel)
            {
                _recordsBySpelling[spelling] = kernel;
                return kernel;
            }

            _membersBySpelling[spelling] = members.ToImmutable();
            if (!name.StartsWith("anon#", StringComparison.Ordinal))
            {
                (isUnion ? Unions : Structs)[name] = record;
            }
        }

        return record;
    }

    /// <summary>The fields of <paramref name="definition"/>; anonymous struct/union members are flattened into the owner.</summary>
    private void AddMembers(CXCursor definition, CXType owner, ImmutableArray<StructMember>.Builder members, int depth)
    {
        foreach (var child in LibClang.Children(definition))
        {
            switch (child.Kind)
            {
                case CXCursorKind.FieldDecl:
                    string name = LibClang.ToStringAndDispose(LibClang.clang_getCursorSpelling(child));
                    if (name.Length == 0)
                    {
                        continue; // an unnamed bitfield: padding
                    }

                    long bitOffset = LibClang.clang_Type_getOffsetOf(owner, name);
                    if (bitOffset < 0)
                    {
                        continue;
                    }

                    var type = Convert(LibClang.clang_getCursorType(child));
                    members.Add(LibClang.clang_Cursor_isBitField(child) != 0
                        ? new StructMember(name, (int)(bitOffset / 8), type, (int)(bitOffset % 8), LibClang.clang_getFieldDeclBitWidth(child))
                        : new StructMember(name, (int)(bitOffset / 8), type));
                    break;
                case CXCursorKind.StructDecl or CXCursorKind.UnionDecl when LibClang.clang_Cursor_isAnonymousRecordDecl(child) != 0 && depth < 16:
                    AddMembers(child, owner, members, depth + 1);
                    break;
                case CXCursorKind.StructDecl or CXCursorKind.UnionDecl or CXCursorKind.EnumDecl when LibClang.clang_isCursorDefinition(child) != 0:
                    // A tagged type defined inside a struct is visible at file scope in C.
                    Convert(LibClang.clang_getCursorType(child));
                    break;
            }
        }
    }

    private BtType Enum(CXType canonical, long size)
    {
        var declaration = LibClang.clang_getCursorDefinition(LibClang.clang_getTypeDeclaration(canonical));
        string name = LibClang.clang_Cursor_isAnonymous(declaration) != 0
            ? string.Empty
            : LibClang.ToStringAndDispose(LibClang.clang_getCursorSpelling(declaration));
        if (name.Length > 0 && Enums.TryGetValue(name, out var known))
        {
            return known;
        }

        var values = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var child in LibClang.Children(declaration))
        {
            if (child.Kind == CXCursorKind.EnumConstantDecl)
            {
                values[LibClang.ToStringAndDispose(LibClang.clang_getCursorSpelling(child))] = LibClang.clang_getEnumConstantDeclValue(child);
            }
        }

        var type = new EnumType(name.Length > 0 ? name : $"anon#{++_anonymousCount}", (int)Math.Clamp(size, 1, 8), values.ToImmutable());
        if (name.Length > 0)
        {
            Enums[name] = type;
        }

        foreach (var (constant, value) in type.Values)
        {
            EnumConstants[constant] = (value, type);
        }

        return type;
    }
}
