using System.Text;
using System.Text.Json;
using Planner.Contract.Json;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Cli.Tests.Contract;

public class ExactJsonTests
{
    private static string Write<T>(T value, JsonSerializerOptions options) => JsonSerializer.Serialize(value, typeof(T), options);

    private static JsonSerializerOptions Options() => new() { Converters = { new UsdJsonConverter(), new ExactDecimalJsonConverter() } };

    [Theory]
    [InlineData("0.0360", "0.036")]
    [InlineData("1080.000000000000", "1080")]
    [InlineData("0.000000000001", "0.000000000001")]
    [InlineData("79228162514264.337593543950335", "79228162514264.337593543950335")]
    public void Usd_WritesTheDecimalsDigitsWithoutTrailingZeros(string value, string json)
    {
        Write(new Usd(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)), Options()).Should().Be(json);
    }

    [Fact]
    public void Usd_ReadBack_IsTheSameExactAmount()
    {
        var amount = Usd.FromPicodollars(123_456_789_012_345L);

        JsonSerializer.Deserialize<Usd>(Write(amount, Options()), Options()).Should().Be(amount);
    }

    [Fact]
    public void MeterAmounts_WritesEveryMeterKeyInTableOrder()
    {
        var values = default(MeterValues<Usd>);
        values[Meter.AudioOutput] = new Usd(0.024m);
        string json = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(new MeterAmounts(values), Options()));

        using var document = JsonDocument.Parse(json);
        document.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal(MeterTable.All.Select(m => m.JsonKey));
        document.RootElement.GetProperty("audio_output").GetRawText().Should().Be("0.024");
    }
}
