using BtLang.Semantics.ProbeCatalog;

namespace BtLang.LanguageServer.Server;

/// <summary>What the feature handlers share: the probe catalog (created on first use, so start-up stays fast).</summary>
internal sealed class FeatureContext
{
    private readonly Lazy<IProbeCatalog> _catalog;

    public FeatureContext(IProbeCatalog? catalog)
        => _catalog = new Lazy<IProbeCatalog>(() => catalog ?? SystemProbeCatalog.Shared, LazyThreadSafetyMode.ExecutionAndPublication);

    public IProbeCatalog Catalog => _catalog.Value;
}
