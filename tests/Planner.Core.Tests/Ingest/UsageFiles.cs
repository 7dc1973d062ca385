using System.Text.Json.Nodes;
using Planner.Core.Catalog;

namespace Planner.Core.Tests.Ingest;

/// <summary>Hand-written usage files on disk, and a catalog with a realtime model (FACTS.md section 2 figures).</summary>
internal static class UsageFiles
{
    /// <summary>Writes <paramref name="text"/> to a temporary file with this extension.</summary>
    public static string Write(string text, string extension = ".jsonl")
    {
        string path = TestData.TempPath("usage") + extension;
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The bundled catalog plus gpt-realtime-mini (text 0.60 / cached 0.06 / out 2.40, audio 10 / cached 0.30 / out 20, image 0.80 / cached 0.08,
    /// 32,000 context, 4,096 output) with its snapshot gpt-realtime-mini-2025-12-15.</summary>
    public static ModelCatalog WithRealtime { get; } = BuildRealtime();

    private static ModelCatalog BuildRealtime()
    {
        var root = TestCatalogs.Json();
        if (root["models"]!.AsArray().Any(m => (string?)m!["id"] == "gpt-realtime-mini"))
        {
            return TestCatalogs.Load(root);
        }

        var model = TestCatalogs.Model(root, "gpt-audio-mini").DeepClone().AsObject();
        model["id"] = "gpt-realtime-mini";
        model["display_name"] = "GPT Realtime Mini";
        model["snapshots"] = new JsonArray(new JsonObject { ["id"] = "gpt-realtime-mini-2025-12-15" });
        var prices = model["prices"]![0]!.AsObject();
        prices["effective_from"] = "2025-10-06";
        prices["text_input"] = 0.60m;
        prices["cached_text_input"] = 0.06m;
        prices["audio_input"] = 10m;
        prices["text_output"] = 2.40m;
        prices["audio_output"] = 20m;
        prices["cached_audio_input"] = 0.30m;
        prices["image_input"] = 0.80m;
        prices["cached_image_input"] = 0.08m;
        model["limits"]!["context_window"] = 32000;
        model["limits"]!["max_output_tokens"] = 4096;
        root["models"]!.AsArray().Add(model);
        return TestCatalogs.Load(root);
    }
}
