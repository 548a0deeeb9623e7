namespace BtLang.Semantics.Configuration;

/// <summary>The value of an <c>unstable_*</c> config variable.</summary>
public enum UnstableFeatureMode
{
    /// <summary><c>enable</c> (or a truthy value): allow the feature silently.</summary>
    Enable,

    /// <summary><c>warn</c>: allow it with a warning.</summary>
    Warn,

    /// <summary><c>error</c> (or a falsy value): reject it.</summary>
    Error,
}
