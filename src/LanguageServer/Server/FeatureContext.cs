using BtLang.Semantics.ProbeCatalog;

namespace BtLang.LanguageServer.Server;

/// <summary>What the feature handlers share: the probe catalog (which reads the system lazily, on first question).</summary>
internal sealed class FeatureContext
{
    public FeatureContext(IProbeCatalog? catalog) => Catalog = catalog ?? SystemProbeCatalog.Shared;

    public IProbeCatalog Catalog { get; }
}
