#include "aws/awsconfig.h"
#include "aws/awsinifile.h"
#include "aws/shellwords.h"

#include "expectedassert.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

namespace {

using Environment = AwsConfig::Environment;

// QVERIFY2 evaluates its message even on success, so it must not touch error() then.
template<typename T> QByteArray why(const std::expected<T, Error> &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

template<typename T> QString errorMessage(const std::expected<T, Error> &result)
{
    return result ? QString() : result.error().message;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content) == content.size();
}

// The AWS_* variables and HOME of the test process, restored when the test ends, so neither the
// machine's own AWS setup nor one test's variables leak into another test.
class ProcessEnvironmentGuard
{
public:
    ProcessEnvironmentGuard()
    {
        const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
        for (const QString &key : system.keys()) {
            if (key.startsWith(u"AWS_") || key == u"HOME")
                m_saved.insert(key, system.value(key).toLocal8Bit());
        }
    }
    ~ProcessEnvironmentGuard()
    {
        clearAws();
        for (auto it = m_saved.begin(); it != m_saved.end(); ++it)
            qputenv(it.key().toLocal8Bit().constData(), it.value());
    }
    Q_DISABLE_COPY_MOVE(ProcessEnvironmentGuard)

    static void clearAws()
    {
        const QStringList keys = QProcessEnvironment::systemEnvironment().keys();
        for (const QString &key : keys) {
            if (key.startsWith(u"AWS_"))
                qunsetenv(key.toLocal8Bit().constData());
        }
    }

private:
    QHash<QString, QByteArray> m_saved;
};

const QByteArray kChainConfig = R"(
[profile keys]
aws_access_key_id = AKIDKEYS
aws_secret_access_key = secret-keys

[profile middle]
role_arn = arn:aws:iam::111111111111:role/Middle
source_profile = keys
role_session_name = middle-session

[profile top]
role_arn = arn:aws:iam::222222222222:role/Top
source_profile = middle
external_id = ext-123
duration_seconds = 1800
region = eu-west-1
)";

} // namespace

Q_DECLARE_METATYPE(shardscope::CredentialSource::Kind)

class TestAwsConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void shellWords_data();
    void shellWords();
    void iniSyntax_data();
    void iniSyntax();
    void iniNestedSettingsAndContinuationLines();
    void iniSkipsMalformedLinesWithWarnings();
    void sectionMeaningDiffersBetweenFiles();
    void profileDefaultWinsOverPlainDefault();
    void credentialsFileWinsOverConfigFile();
    void profilesListedWithRegionAndKind();
    void selectedProfile_data();
    void selectedProfile();
    void region_data();
    void region();
    void endpointUrl_data();
    void endpointUrl();
    void filesFromEnvironmentVariables();
    void filesFromHomeDirectory();
    void missingFilesAreEmpty();

    void planEnvironmentKeysFirst();
    void planExplicitProfileSkipsEnvironment();
    void planPartialEnvironmentKeys();
    void planEnvironmentExpiration();
    void planStaticKeys();
    void planStaticKeysOrder_data();
    void planStaticKeysOrder();
    void planCredentialProcess();
    void planRoleChain();
    void planSourceProfileKeysWinOverItsRole();
    void planSelfReferenceWithKeys();
    void planCycleDetected_data();
    void planCycleDetected();
    void planCredentialSourceEnvironment();
    void planRoleErrors_data();
    void planRoleErrors();
    void planSsoSession();
    void planSsoLegacy();
    void planSsoAsRoleSource();
    void planSsoErrors_data();
    void planSsoErrors();
    void planNoCredentialsAnywhere();
    void planUnknownProfile();
    void planProfileWithoutCredentials();

private:
    std::unique_ptr<ProcessEnvironmentGuard> m_environmentGuard;
};

void TestAwsConfig::initTestCase()
{
    m_environmentGuard = std::make_unique<ProcessEnvironmentGuard>();
}

void TestAwsConfig::init()
{
    ProcessEnvironmentGuard::clearAws();
}

void TestAwsConfig::cleanupTestCase()
{
    m_environmentGuard.reset();
}

void TestAwsConfig::shellWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<bool>("valid");

    QTest::newRow("plain") << u"/usr/bin/tool --user helen"_s
                           << QStringList{u"/usr/bin/tool"_s, u"--user"_s, u"helen"_s} << true;
    QTest::newRow("extra spaces") << u"  a   b\t c "_s << QStringList{u"a"_s, u"b"_s, u"c"_s}
                                  << true;
    QTest::newRow("double quotes")
        << uR"("/opt/my tools/creds" --name "a b")"_s
        << QStringList{u"/opt/my tools/creds"_s, u"--name"_s, u"a b"_s} << true;
    QTest::newRow("single quotes keep backslashes")
        << uR"(echo 'a\"b c')"_s << QStringList{u"echo"_s, uR"(a\"b c)"_s} << true;
    QTest::newRow("escapes in double quotes")
        << uR"(echo "say \"hi\" \\ \n")"_s << QStringList{u"echo"_s, uR"(say "hi" \ \n)"_s} << true;
    QTest::newRow("backslash outside quotes")
        << uR"(a\ b c)"_s << QStringList{u"a b"_s, u"c"_s} << true;
    QTest::newRow("adjacent quoted parts")
        << uR"(--x="a b"'c')"_s << QStringList{u"--x=a bc"_s} << true;
    QTest::newRow("empty quoted word")
        << uR"(a "" b)"_s << QStringList{u"a"_s, QString(), u"b"_s} << true;
    QTest::newRow("empty") << QString() << QStringList() << true;
    QTest::newRow("unclosed double quote") << uR"(a "b)"_s << QStringList() << false;
    QTest::newRow("unclosed single quote") << uR"(a 'b)"_s << QStringList() << false;
    QTest::newRow("trailing backslash") << uR"(a \)"_s << QStringList() << false;
}

void TestAwsConfig::shellWords()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QFETCH(bool, valid);
    const std::optional<QStringList> split = splitShellWords(text);
    QCOMPARE(split.has_value(), valid);
    if (valid)
        QCOMPARE(*split, words);
}

void TestAwsConfig::iniSyntax_data()
{
    QTest::addColumn<QByteArray>("newline");
    QTest::newRow("LF") << QByteArray("\n");
    QTest::newRow("CRLF") << QByteArray("\r\n");
}

void TestAwsConfig::iniSyntax()
{
    QFETCH(QByteArray, newline);
    QByteArray text = "\xef\xbb\xbf# comment line\n"
                      "; another comment\n"
                      "[default]\n"
                      "region = us-west-2   # inline comment\n"
                      "output=json\n"
                      "AWS_Access_Key_Id = AKIDDEFAULT\n"
                      "aws_secret_access_key=  abc#def;ghi  \n"
                      "   \n"
                      "  # indented comment\n"
                      "[profile  dev ]   ; comment after the header\n"
                      "region: eu-central-1\n"
                      "sso_start_url = https://example.awsapps.com/start#/\n"
                      "[profile \"with space\"]\n"
                      "region = ap-south-1\n"
                      "[unrelated]\n"
                      "region = nowhere\n";
    text.replace("\n", newline);
    const AwsConfig config = AwsConfig::fromText(text, {});
    QVERIFY2(config.warnings().isEmpty(), qPrintable(config.warnings().join(u'\n')));

    QCOMPARE(config.profileNames(), (QStringList{u"default"_s, u"dev"_s, u"with space"_s}));
    const AwsConfig::Settings defaults = config.profile(u"default"_s).value();
    QCOMPARE(defaults.value(u"region"_s), u"us-west-2"_s);
    QCOMPARE(defaults.value(u"output"_s), u"json"_s);
    QCOMPARE(defaults.value(u"aws_access_key_id"_s), u"AKIDDEFAULT"_s); // keys are lower-cased
    // '#' and ';' start a comment only after whitespace.
    QCOMPARE(defaults.value(u"aws_secret_access_key"_s), u"abc#def;ghi"_s);
    QCOMPARE(config.profile(u"dev"_s)->value(u"region"_s), u"eu-central-1"_s);
    QCOMPARE(config.profile(u"dev"_s)->value(u"sso_start_url"_s),
             u"https://example.awsapps.com/start#/"_s);
    QCOMPARE(config.profile(u"with space"_s)->value(u"region"_s), u"ap-south-1"_s);
    QVERIFY(!config.hasProfile(u"unrelated"_s));
    QVERIFY(!config.profile(u"unrelated"_s).has_value());
}

void TestAwsConfig::iniNestedSettingsAndContinuationLines()
{
    const QByteArray text = "[profile dev]\n"
                            "region = eu-west-1\n"
                            "services = local\n"
                            "s3 =\n"
                            "  max_concurrent_requests = 10\n"
                            "\n"
                            "  addressing_style=path\n"
                            "credential_process = /bin/tool\n"
                            "  --continued\n"
                            "output = text\n"
                            "[services local]\n"
                            "kinesis =\n"
                            "  endpoint_url = http://localhost:4567\n"
                            "sts =\n"
                            "\tendpoint_url = http://localhost:4568/sts\n";
    const AwsIniFile file = AwsIniFile::parse(text);
    QVERIFY2(file.warnings().isEmpty(), qPrintable(file.warnings().join(u'\n')));
    QCOMPARE(file.sections().size(), 2);
    const AwsIniSection &dev = file.sections()[0];
    QCOMPARE(dev.name, u"profile dev"_s);
    QCOMPARE(dev.line, 1);
    QCOMPARE(dev.subsections.value(u"s3"_s),
             (QMap<QString, QString>{{u"max_concurrent_requests"_s, u"10"_s},
                                     {u"addressing_style"_s, u"path"_s}}));
    QCOMPARE(dev.settings.value(u"s3"_s), QString());
    QCOMPARE(dev.settings.value(u"credential_process"_s), u"/bin/tool\n--continued"_s);
    QCOMPARE(dev.settings.value(u"output"_s), u"text"_s);

    const AwsConfig config = AwsConfig::fromText(text, {});
    const auto services = config.services(u"local"_s);
    QVERIFY(services.has_value());
    QCOMPARE(services->value(u"kinesis"_s).value(u"endpoint_url"_s), u"http://localhost:4567"_s);
    QCOMPARE(config.endpointUrl(u"dev"_s), QUrl(u"http://localhost:4567"_s));
    QCOMPARE(config.endpointUrl(u"dev"_s, u"sts"_s), QUrl(u"http://localhost:4568/sts"_s));
    QCOMPARE(config.endpointUrl(u"dev"_s, u"sso"_s), QUrl());
}

void TestAwsConfig::iniSkipsMalformedLinesWithWarnings()
{
    const QByteArray text = "stray = value\n"
                            "[default]\n"
                            "region = us-east-1\n"
                            "this line has no delimiter\n"
                            "[]\n"
                            "region = lost\n"
                            "= no key\n"
                            "[profile ok]\n"
                            "region = eu-west-1\n"
                            "kinesis =\n"
                            "  not a setting\n"
                            "  endpoint_url = http://localhost:1\n";
    const AwsIniFile file = AwsIniFile::parse(text, u"cfg"_s);
    const QStringList warnings = file.warnings();
    QCOMPARE(warnings.size(), 6);
    QVERIFY2(warnings[0].startsWith(u"cfg:1: "), qPrintable(warnings[0]));
    QVERIFY2(warnings[1].startsWith(u"cfg:4: "), qPrintable(warnings[1]));
    QVERIFY2(warnings[2].startsWith(u"cfg:5: "), qPrintable(warnings[2]));
    QVERIFY2(warnings[3].startsWith(u"cfg:6: "), qPrintable(warnings[3]));
    QVERIFY2(warnings[4].startsWith(u"cfg:7: "), qPrintable(warnings[4]));
    QVERIFY2(warnings[5].startsWith(u"cfg:11: "), qPrintable(warnings[5]));

    const AwsConfig config = AwsConfig::fromText(text, {});
    QCOMPARE(config.warnings().size(), 6);
    QCOMPARE(config.profile(u"default"_s)->value(u"region"_s), u"us-east-1"_s);
    QCOMPARE(config.profile(u"ok"_s)->value(u"region"_s), u"eu-west-1"_s);
}

void TestAwsConfig::sectionMeaningDiffersBetweenFiles()
{
    const QByteArray configText = "[profile a]\nregion = eu-west-1\n"
                                  "[b]\nregion = us-east-2\n"
                                  "[profile]\nregion = x\n"
                                  "[profile too many words]\nregion = x\n"
                                  "[sso-session corp]\nsso_region = us-east-1\n";
    const QByteArray credentialsText = "[c]\naws_access_key_id = AKIDC\n"
                                       "[profile d]\naws_access_key_id = AKIDD\n";
    const AwsConfig config = AwsConfig::fromText(configText, credentialsText);
    // In the config file only [profile x] and [default] are profiles; in the credentials file
    // every section is one, named exactly as written.
    QCOMPARE(config.profileNames(), (QStringList{u"a"_s, u"c"_s, u"profile d"_s}));
    QVERIFY(config.ssoSession(u"corp"_s).has_value());
    QVERIFY(!config.hasProfile(u"corp"_s));
    QVERIFY(!config.ssoSession(u"a"_s).has_value());
}

void TestAwsConfig::profileDefaultWinsOverPlainDefault()
{
    const AwsConfig config = AwsConfig::fromText("[profile default]\nregion = eu-north-1\n"
                                                 "[default]\nregion = us-east-1\noutput = json\n",
                                                 {});
    QCOMPARE(config.profileNames(), QStringList{u"default"_s});
    QCOMPARE(config.profile(u"default"_s)->value(u"region"_s), u"eu-north-1"_s);
    QCOMPARE(config.profile(u"default"_s)->value(u"output"_s), u"json"_s);
}

void TestAwsConfig::credentialsFileWinsOverConfigFile()
{
    const AwsConfig config =
        AwsConfig::fromText("[profile dev]\nregion = eu-west-1\naws_access_key_id = AKIDCONFIG\n"
                            "aws_secret_access_key = config-secret\n",
                            "[dev]\naws_access_key_id = AKIDCREDENTIALS\n"
                            "aws_secret_access_key = credentials-secret\n");
    const AwsConfig::Settings dev = config.profile(u"dev"_s).value();
    QCOMPARE(dev.value(u"aws_access_key_id"_s), u"AKIDCREDENTIALS"_s);
    QCOMPARE(dev.value(u"aws_secret_access_key"_s), u"credentials-secret"_s);
    QCOMPARE(dev.value(u"region"_s), u"eu-west-1"_s);
    const auto plan = config.credentialPlan(u"dev"_s);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->source.credentials.accessKeyId, u"AKIDCREDENTIALS"_s);
}

void TestAwsConfig::profilesListedWithRegionAndKind()
{
    const AwsConfig config = AwsConfig::fromText(
        "[default]\nregion = us-east-1\n"
        "[profile zeta-sso]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n"
        "region = eu-west-1\n"
        "[profile Alpha-role]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = default\n"
        "[profile proc]\ncredential_process = /bin/true\nregion = ap-northeast-1\n"
        "[profile bare]\noutput = json\n"
        "[sso-session corp]\nsso_start_url = https://x\nsso_region = us-east-1\n",
        "[default]\naws_access_key_id = A\naws_secret_access_key = B\n"
        "[keys-only]\naws_access_key_id = C\naws_secret_access_key = D\n");
    const QList<AwsProfileInfo> expected = {
        {u"default"_s, u"us-east-1"_s, AwsProfileKind::StaticKeys},
        {u"Alpha-role"_s, QString(), AwsProfileKind::AssumeRole},
        {u"bare"_s, QString(), AwsProfileKind::None},
        {u"keys-only"_s, QString(), AwsProfileKind::StaticKeys},
        {u"proc"_s, u"ap-northeast-1"_s, AwsProfileKind::Process},
        {u"zeta-sso"_s, u"eu-west-1"_s, AwsProfileKind::Sso},
    };
    const QList<AwsProfileInfo> profiles = config.profiles();
    QCOMPARE(profiles.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(profiles[i].name, expected[i].name);
        QCOMPARE(profiles[i].region, expected[i].region);
        QCOMPARE(profiles[i].kind, expected[i].kind);
    }
}

void TestAwsConfig::selectedProfile_data()
{
    QTest::addColumn<QString>("explicitProfile");
    QTest::addColumn<QString>("awsProfile");
    QTest::addColumn<QString>("awsDefaultProfile");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing set") << QString() << QString() << QString() << u"default"_s;
    QTest::newRow("AWS_DEFAULT_PROFILE") << QString() << QString() << u"legacy"_s << u"legacy"_s;
    QTest::newRow("AWS_PROFILE over AWS_DEFAULT_PROFILE")
        << QString() << u"env"_s << u"legacy"_s << u"env"_s;
    QTest::newRow("explicit over environment")
        << u"picked"_s << u"env"_s << u"legacy"_s << u"picked"_s;
}

void TestAwsConfig::selectedProfile()
{
    QFETCH(QString, explicitProfile);
    QFETCH(QString, awsProfile);
    QFETCH(QString, awsDefaultProfile);
    QFETCH(QString, expected);
    Environment environment;
    if (!awsProfile.isEmpty())
        environment.insert(u"AWS_PROFILE"_s, awsProfile);
    if (!awsDefaultProfile.isEmpty())
        environment.insert(u"AWS_DEFAULT_PROFILE"_s, awsDefaultProfile);
    const AwsConfig config = AwsConfig::fromText({}, {}, environment);
    QCOMPARE(config.selectedProfile(explicitProfile), expected);
}

void TestAwsConfig::region_data()
{
    QTest::addColumn<QString>("awsRegion");
    QTest::addColumn<QString>("awsDefaultRegion");
    QTest::addColumn<QString>("awsProfile");
    QTest::addColumn<QString>("explicitProfile");
    QTest::addColumn<QString>("expected");

    QTest::newRow("default profile")
        << QString() << QString() << QString() << QString() << u"us-east-1"_s;
    QTest::newRow("AWS_PROFILE's region")
        << QString() << QString() << u"dev"_s << QString() << u"eu-west-1"_s;
    QTest::newRow("explicit profile's region")
        << QString() << QString() << QString() << u"dev"_s << u"eu-west-1"_s;
    QTest::newRow("profile without region")
        << QString() << QString() << QString() << u"noregion"_s << QString();
    QTest::newRow("AWS_DEFAULT_REGION over profile")
        << QString() << u"ap-south-1"_s << QString() << u"dev"_s << u"ap-south-1"_s;
    QTest::newRow("AWS_REGION over AWS_DEFAULT_REGION")
        << u"sa-east-1"_s << u"ap-south-1"_s << QString() << u"dev"_s << u"sa-east-1"_s;
    QTest::newRow("unknown profile")
        << QString() << QString() << QString() << u"nope"_s << QString();
}

void TestAwsConfig::region()
{
    QFETCH(QString, awsRegion);
    QFETCH(QString, awsDefaultRegion);
    QFETCH(QString, awsProfile);
    QFETCH(QString, explicitProfile);
    QFETCH(QString, expected);
    Environment environment;
    if (!awsRegion.isEmpty())
        environment.insert(u"AWS_REGION"_s, awsRegion);
    if (!awsDefaultRegion.isEmpty())
        environment.insert(u"AWS_DEFAULT_REGION"_s, awsDefaultRegion);
    if (!awsProfile.isEmpty())
        environment.insert(u"AWS_PROFILE"_s, awsProfile);
    const AwsConfig config =
        AwsConfig::fromText("[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\n"
                            "[profile noregion]\noutput = json\n",
                            {}, environment);
    QCOMPARE(config.region(explicitProfile), expected);
}

void TestAwsConfig::endpointUrl_data()
{
    QTest::addColumn<Environment>("environment");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QUrl>("expected");

    const Environment none;
    QTest::newRow("nothing configured") << none << u"plain"_s << u"kinesis"_s << QUrl();
    QTest::newRow("profile endpoint_url")
        << none << u"global"_s << u"kinesis"_s << QUrl(u"http://global.local:1"_s);
    QTest::newRow("services section over profile endpoint_url")
        << none << u"both"_s << u"kinesis"_s << QUrl(u"http://kinesis.local:2"_s);
    QTest::newRow("services section without this service")
        << none << u"both"_s << u"sts"_s << QUrl(u"http://global.local:1"_s);
    QTest::newRow("AWS_ENDPOINT_URL over files")
        << Environment{{u"AWS_ENDPOINT_URL"_s, u"http://env.local:3"_s}} << u"both"_s
        << u"kinesis"_s << QUrl(u"http://env.local:3"_s);
    QTest::newRow("AWS_ENDPOINT_URL_KINESIS over AWS_ENDPOINT_URL")
        << Environment{{u"AWS_ENDPOINT_URL"_s, u"http://env.local:3"_s},
                       {u"AWS_ENDPOINT_URL_KINESIS"_s, u"http://env-kinesis.local:4"_s}}
        << u"both"_s << u"kinesis"_s << QUrl(u"http://env-kinesis.local:4"_s);
    QTest::newRow("service variable is for its service only")
        << Environment{{u"AWS_ENDPOINT_URL_KINESIS"_s, u"http://env-kinesis.local:4"_s}}
        << u"plain"_s << u"sts"_s << QUrl();
    QTest::newRow("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
        << Environment{{u"AWS_ENDPOINT_URL"_s, u"http://env.local:3"_s},
                       {u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"_s, u"true"_s}}
        << u"both"_s << u"kinesis"_s << QUrl();
    QTest::newRow("ignore_configured_endpoint_urls in the profile")
        << Environment{{u"AWS_ENDPOINT_URL_KINESIS"_s, u"http://env-kinesis.local:4"_s}}
        << u"ignoring"_s << u"kinesis"_s << QUrl();
    QTest::newRow("environment false overrides profile true")
        << Environment{{u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"_s, u"false"_s}} << u"ignoring"_s
        << u"kinesis"_s << QUrl(u"http://global.local:1"_s);
}

void TestAwsConfig::endpointUrl()
{
    QFETCH(Environment, environment);
    QFETCH(QString, profile);
    QFETCH(QString, service);
    QFETCH(QUrl, expected);
    const AwsConfig config = AwsConfig::fromText("[profile plain]\nregion = us-east-1\n"
                                                 "[profile global]\n"
                                                 "endpoint_url = http://global.local:1\n"
                                                 "[profile both]\n"
                                                 "endpoint_url = http://global.local:1\n"
                                                 "services = local\n"
                                                 "[profile ignoring]\n"
                                                 "endpoint_url = http://global.local:1\n"
                                                 "ignore_configured_endpoint_urls = true\n"
                                                 "[services local]\n"
                                                 "kinesis =\n"
                                                 "  endpoint_url = http://kinesis.local:2\n",
                                                 {}, environment);
    QCOMPARE(config.endpointUrl(profile, service), expected);
}

void TestAwsConfig::filesFromEnvironmentVariables()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString configPath = dir.filePath(u"my-config"_s);
    const QString credentialsPath = dir.filePath(u"my-credentials"_s);
    QVERIFY(writeFile(configPath, "[profile dev]\nregion = eu-west-3\n"));
    QVERIFY(writeFile(credentialsPath, "[dev]\naws_access_key_id = AKIDFILE\n"
                                       "aws_secret_access_key = file-secret\n"));
    qputenv("AWS_CONFIG_FILE", configPath.toLocal8Bit());
    qputenv("AWS_SHARED_CREDENTIALS_FILE", credentialsPath.toLocal8Bit());
    qputenv("AWS_PROFILE", "dev");
    qputenv("AWS_ENDPOINT_URL_KINESIS", "http://127.0.0.1:4567");
    qputenv("UNRELATED_VARIABLE_FOR_TEST", "x");

    const AwsConfig config = AwsConfig::fromEnvironment();
    qunsetenv("UNRELATED_VARIABLE_FOR_TEST");
    QCOMPARE(config.configFilePath(), configPath);
    QCOMPARE(config.credentialsFilePath(), credentialsPath);
    QCOMPARE(config.selectedProfile(), u"dev"_s);
    QCOMPARE(config.region(), u"eu-west-3"_s);
    QCOMPARE(config.endpointUrl(), QUrl(u"http://127.0.0.1:4567"_s));
    QCOMPARE(config.environmentValue(u"UNRELATED_VARIABLE_FOR_TEST"_s), QString());
    const auto plan = config.credentialPlan();
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->profile, u"dev"_s);
    QCOMPARE(plan->source.kind, CredentialSource::Kind::Static);
    QCOMPARE(plan->source.credentials.accessKeyId, u"AKIDFILE"_s);

    // The snapshot does not follow later changes of the environment.
    qputenv("AWS_REGION", "us-west-1");
    QCOMPARE(config.region(), u"eu-west-3"_s);
    QCOMPARE(AwsConfig::fromEnvironment().region(), u"us-west-1"_s);
}

void TestAwsConfig::filesFromHomeDirectory()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QDir(home.path()).mkpath(u".aws"_s));
    QVERIFY(writeFile(home.filePath(u".aws/config"_s), "[default]\nregion = ca-central-1\n"));
    QVERIFY(writeFile(home.filePath(u".aws/credentials"_s),
                      "[default]\naws_access_key_id = AKIDHOME\naws_secret_access_key = s\n"));
    qputenv("HOME", home.path().toLocal8Bit());

    const AwsConfig config = AwsConfig::fromEnvironment();
    QCOMPARE(config.configFilePath(), home.filePath(u".aws/config"_s));
    QCOMPARE(config.credentialsFilePath(), home.filePath(u".aws/credentials"_s));
    QCOMPARE(config.region(), u"ca-central-1"_s);
    QCOMPARE(config.ssoCacheDirectory(), home.filePath(u".aws/sso/cache"_s));
    QCOMPARE(config.profile(u"default"_s)->value(u"aws_access_key_id"_s), u"AKIDHOME"_s);

    // "~/" in the file variables means the home directory, as for the CLI.
    QVERIFY(writeFile(home.filePath(u"other-config"_s), "[default]\nregion = me-south-1\n"));
    qputenv("AWS_CONFIG_FILE", "~/other-config");
    QCOMPARE(AwsConfig::fromEnvironment().region(), u"me-south-1"_s);
}

void TestAwsConfig::missingFilesAreEmpty()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const AwsConfig config =
        AwsConfig::fromFiles(dir.filePath(u"none"_s), dir.filePath(u"neither"_s), {});
    QVERIFY(config.profileNames().isEmpty());
    QVERIFY(config.warnings().isEmpty());
    const auto plan = config.credentialPlan();
    VERIFY_ERROR(plan, ErrorType::MissingAuthenticationToken);
    QVERIFY2(errorMessage(plan).contains(u"AWS_ACCESS_KEY_ID"), qPrintable(errorMessage(plan)));
}

void TestAwsConfig::planEnvironmentKeysFirst()
{
    const AwsConfig config = AwsConfig::fromText(
        "[default]\nregion = us-east-2\n",
        "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file\n",
        {{u"AWS_ACCESS_KEY_ID"_s, u"AKIDENV"_s},
         {u"AWS_SECRET_ACCESS_KEY"_s, u"env-secret"_s},
         {u"AWS_SESSION_TOKEN"_s, u"env-token"_s},
         {u"AWS_PROFILE"_s, u"default"_s}});
    const auto plan = config.credentialPlan();
    QVERIFY2(plan, why(plan).constData());
    // Like the CLI: environment keys beat AWS_PROFILE.
    QCOMPARE(plan->source.kind, CredentialSource::Kind::Environment);
    QCOMPARE(plan->source.credentials.accessKeyId, u"AKIDENV"_s);
    QCOMPARE(plan->source.credentials.secretAccessKey, u"env-secret"_s);
    QCOMPARE(plan->source.credentials.sessionToken, u"env-token"_s);
    QCOMPARE(plan->source.expiration, std::nullopt);
    QVERIFY(plan->roles.isEmpty());
    QCOMPARE(plan->region, u"us-east-2"_s);
}

void TestAwsConfig::planExplicitProfileSkipsEnvironment()
{
    const AwsConfig config = AwsConfig::fromText(
        {}, "[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = work\n",
        {{u"AWS_ACCESS_KEY_ID"_s, u"AKIDENV"_s}, {u"AWS_SECRET_ACCESS_KEY"_s, u"env-secret"_s}});
    const auto plan = config.credentialPlan(u"work"_s);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->profile, u"work"_s);
    QCOMPARE(plan->source.kind, CredentialSource::Kind::Static);
    QCOMPARE(plan->source.profile, u"work"_s);
    QCOMPARE(plan->source.credentials.accessKeyId, u"AKIDWORK"_s);
}

void TestAwsConfig::planPartialEnvironmentKeys()
{
    const AwsConfig config =
        AwsConfig::fromText({}, "[default]\naws_access_key_id = A\naws_secret_access_key = B\n",
                            {{u"AWS_ACCESS_KEY_ID"_s, u"AKIDENV"_s}});
    const auto plan = config.credentialPlan();
    VERIFY_ERROR(plan, ErrorType::InvalidArgument);
    QVERIFY2(errorMessage(plan).contains(u"AWS_SECRET_ACCESS_KEY"), qPrintable(errorMessage(plan)));
}

void TestAwsConfig::planEnvironmentExpiration()
{
    Environment environment{{u"AWS_ACCESS_KEY_ID"_s, u"AKIDENV"_s},
                            {u"AWS_SECRET_ACCESS_KEY"_s, u"env-secret"_s},
                            {u"AWS_SECURITY_TOKEN"_s, u"legacy-token"_s},
                            {u"AWS_CREDENTIAL_EXPIRATION"_s, u"2030-01-02T03:04:05Z"_s}};
    const auto plan = AwsConfig::fromText({}, {}, environment).credentialPlan();
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->source.credentials.sessionToken, u"legacy-token"_s);
    QCOMPARE(plan->source.expiration, QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC));

    environment.insert(u"AWS_CREDENTIAL_EXPIRATION"_s, u"soon"_s);
    const auto bad = AwsConfig::fromText({}, {}, environment).credentialPlan();
    VERIFY_ERROR(bad, ErrorType::InvalidArgument);
    QVERIFY(errorMessage(bad).contains(u"AWS_CREDENTIAL_EXPIRATION"));
}

void TestAwsConfig::planStaticKeys()
{
    const AwsConfig config = AwsConfig::fromText({}, "[temp]\naws_access_key_id = ASIATEMP\n"
                                                     "aws_secret_access_key = temp-secret\n"
                                                     "aws_session_token = temp-token\n"
                                                     "[half]\naws_access_key_id = AKIDHALF\n");
    const auto plan = config.credentialPlan(u"temp"_s);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->source.kind, CredentialSource::Kind::Static);
    QCOMPARE(plan->source.credentials.accessKeyId, u"ASIATEMP"_s);
    QCOMPARE(plan->source.credentials.secretAccessKey, u"temp-secret"_s);
    QCOMPARE(plan->source.credentials.sessionToken, u"temp-token"_s);

    const auto half = config.credentialPlan(u"half"_s);
    VERIFY_ERROR(half, ErrorType::InvalidArgument);
    QVERIFY2(errorMessage(half).contains(u"aws_secret_access_key") &&
                 errorMessage(half).contains(u"\"half\""),
             qPrintable(errorMessage(half)));
}

void TestAwsConfig::planStaticKeysOrder_data()
{
    QTest::addColumn<QByteArray>("configText");
    QTest::addColumn<QByteArray>("credentialsText");
    QTest::addColumn<CredentialSource::Kind>("kind");
    QTest::addColumn<QString>("keyId");

    // The CLI's order: keys in the credentials file, then credential_process, then keys in
    // the config file.
    QTest::newRow("credentials-file keys before credential_process")
        << QByteArray("[profile p]\ncredential_process = /bin/tool\n")
        << QByteArray("[p]\naws_access_key_id = AKIDCRED\naws_secret_access_key = s\n")
        << CredentialSource::Kind::Static << u"AKIDCRED"_s;
    QTest::newRow("credential_process before config-file keys")
        << QByteArray("[profile p]\ncredential_process = /bin/tool\n"
                      "aws_access_key_id = AKIDCONF\naws_secret_access_key = s\n")
        << QByteArray() << CredentialSource::Kind::Process << QString();
    QTest::newRow("config-file keys alone")
        << QByteArray("[profile p]\naws_access_key_id = AKIDCONF\naws_secret_access_key = s\n")
        << QByteArray() << CredentialSource::Kind::Static << u"AKIDCONF"_s;
    QTest::newRow("SSO before keys")
        << QByteArray("[profile p]\nsso_start_url = https://x\nsso_region = us-east-1\n"
                      "sso_account_id = 1\nsso_role_name = R\n")
        << QByteArray("[p]\naws_access_key_id = AKIDCRED\naws_secret_access_key = s\n")
        << CredentialSource::Kind::Sso << QString();
}

void TestAwsConfig::planStaticKeysOrder()
{
    QFETCH(QByteArray, configText);
    QFETCH(QByteArray, credentialsText);
    QFETCH(CredentialSource::Kind, kind);
    QFETCH(QString, keyId);
    const auto plan = AwsConfig::fromText(configText, credentialsText).credentialPlan(u"p"_s);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->source.kind, kind);
    QCOMPARE(plan->source.credentials.accessKeyId, keyId);
}

void TestAwsConfig::planCredentialProcess()
{
    const AwsConfig config = AwsConfig::fromText(
        "[profile proc]\ncredential_process = \"/opt/my tools/creds\" --account 'a b'\n", {});
    const auto plan = config.credentialPlan(u"proc"_s);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->source.kind, CredentialSource::Kind::Process);
    QCOMPARE(plan->source.profile, u"proc"_s);
    QCOMPARE(plan->source.command, u"\"/opt/my tools/creds\" --account 'a b'"_s);
}

void TestAwsConfig::planRoleChain()
{
    const AwsConfig config = AwsConfig::fromText(kChainConfig, {});
    const auto plan = config.credentialPlan(u"top"_s);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->profile, u"top"_s);
    QCOMPARE(plan->region, u"eu-west-1"_s);
    QCOMPARE(plan->source.kind, CredentialSource::Kind::Static);
    QCOMPARE(plan->source.profile, u"keys"_s);
    QCOMPARE(plan->source.credentials.accessKeyId, u"AKIDKEYS"_s);
    QCOMPARE(plan->roles.size(), 2);
    QCOMPARE(plan->roles[0].profile, u"middle"_s);
    QCOMPARE(plan->roles[0].roleArn, u"arn:aws:iam::111111111111:role/Middle"_s);
    QCOMPARE(plan->roles[0].sessionName, u"middle-session"_s);
    QCOMPARE(plan->roles[0].externalId, QString());
    QCOMPARE(plan->roles[0].durationSeconds, std::nullopt);
    QCOMPARE(plan->roles[1].profile, u"top"_s);
    QCOMPARE(plan->roles[1].roleArn, u"arn:aws:iam::222222222222:role/Top"_s);
    QCOMPARE(plan->roles[1].externalId, u"ext-123"_s);
    QCOMPARE(plan->roles[1].durationSeconds, std::optional<int>(1800));
}

void TestAwsConfig::planSourceProfileKeysWinOverItsRole()
{
    // A source profile with keys is used for its keys even when it has a role_arn too.
    const AwsConfig config = AwsConfig::fromText(
        "[profile base]\nrole_arn = arn:aws:iam::1:role/Ignored\nsource_profile = other\n"
        "[profile top]\nrole_arn = arn:aws:iam::1:role/Top\nsource_profile = base\n",
        "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base\n");
    const auto plan = config.credentialPlan(u"top"_s);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->source.credentials.accessKeyId, u"AKIDBASE"_s);
    QCOMPARE(plan->roles.size(), 1);
    QCOMPARE(plan->roles[0].roleArn, u"arn:aws:iam::1:role/Top"_s);

    // Asked for directly, that profile assumes its role (and its source is missing).
    const auto direct = config.credentialPlan(u"base"_s);
    VERIFY_ERROR(direct, ErrorType::InvalidArgument);
    QVERIFY2(errorMessage(direct).contains(u"\"other\""), qPrintable(errorMessage(direct)));
}

void TestAwsConfig::planSelfReferenceWithKeys()
{
    const AwsConfig config = AwsConfig::fromText(
        "[profile self]\nrole_arn = arn:aws:iam::1:role/Self\nsource_profile = self\n",
        "[self]\naws_access_key_id = AKIDSELF\naws_secret_access_key = self\n");
    const auto plan = config.credentialPlan(u"self"_s);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->source.credentials.accessKeyId, u"AKIDSELF"_s);
    QCOMPARE(plan->roles.size(), 1);
    QCOMPARE(plan->roles[0].profile, u"self"_s);
}

void TestAwsConfig::planCycleDetected_data()
{
    QTest::addColumn<QByteArray>("configText");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("loop");

    QTest::newRow("self without keys")
        << QByteArray("[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = a\n")
        << u"a"_s << u"a → a"_s;
    QTest::newRow("two profiles")
        << QByteArray("[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
                      "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = a\n")
        << u"a"_s << u"a → b → a"_s;
    QTest::newRow("three profiles, entered midway")
        << QByteArray("[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
                      "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = c\n"
                      "[profile c]\nrole_arn = arn:aws:iam::1:role/C\nsource_profile = b\n")
        << u"a"_s << u"a → b → c → b"_s;
}

void TestAwsConfig::planCycleDetected()
{
    QFETCH(QByteArray, configText);
    QFETCH(QString, profile);
    QFETCH(QString, loop);
    const auto plan = AwsConfig::fromText(configText, {}).credentialPlan(profile);
    VERIFY_ERROR(plan, ErrorType::InvalidArgument);
    QVERIFY2(errorMessage(plan).contains(u"loop") && errorMessage(plan).contains(loop),
             qPrintable(errorMessage(plan)));
}

void TestAwsConfig::planCredentialSourceEnvironment()
{
    const QByteArray configText =
        "[profile envrole]\nrole_arn = arn:aws:iam::1:role/FromEnv\n"
        "credential_source = Environment\n"
        "[profile chained]\nrole_arn = arn:aws:iam::1:role/Chained\nsource_profile = envrole\n";
    const AwsConfig config = AwsConfig::fromText(
        configText, {},
        {{u"AWS_ACCESS_KEY_ID"_s, u"AKIDENV"_s}, {u"AWS_SECRET_ACCESS_KEY"_s, u"env"_s}});
    const auto plan = config.credentialPlan(u"chained"_s);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->source.kind, CredentialSource::Kind::Environment);
    QCOMPARE(plan->source.credentials.accessKeyId, u"AKIDENV"_s);
    QCOMPARE(plan->roles.size(), 2);
    QCOMPARE(plan->roles[0].roleArn, u"arn:aws:iam::1:role/FromEnv"_s);
    QCOMPARE(plan->roles[1].roleArn, u"arn:aws:iam::1:role/Chained"_s);

    const auto withoutKeys = AwsConfig::fromText(configText, {}).credentialPlan(u"envrole"_s);
    VERIFY_ERROR(withoutKeys, ErrorType::MissingAuthenticationToken);
    QVERIFY2(errorMessage(withoutKeys).contains(u"AWS_ACCESS_KEY_ID"),
             qPrintable(errorMessage(withoutKeys)));
}

void TestAwsConfig::planRoleErrors_data()
{
    QTest::addColumn<QByteArray>("profileText");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("both sources") << QByteArray("source_profile = keys\n"
                                                "credential_source = Environment\n")
                                  << u"both source_profile and credential_source"_s;
    QTest::newRow("no source") << QByteArray("region = us-east-1\n")
                               << u"neither source_profile nor credential_source"_s;
    QTest::newRow("web identity") << QByteArray("web_identity_token_file = /tmp/token\n")
                                  << u"web_identity_token_file"_s;
    QTest::newRow("instance metadata") << QByteArray("credential_source = Ec2InstanceMetadata\n")
                                       << u"Ec2InstanceMetadata is not supported"_s;
    QTest::newRow("unknown credential_source")
        << QByteArray("credential_source = Magic\n") << u"\"Magic\""_s;
    QTest::newRow("missing source profile")
        << QByteArray("source_profile = ghost\n") << u"\"ghost\""_s;
    QTest::newRow("MFA") << QByteArray("source_profile = keys\nmfa_serial = arn:aws:iam::1:mfa/u\n")
                         << u"mfa_serial"_s;
    QTest::newRow("bad duration") << QByteArray("source_profile = keys\nduration_seconds = 1h\n")
                                  << u"duration_seconds"_s;
}

void TestAwsConfig::planRoleErrors()
{
    QFETCH(QByteArray, profileText);
    QFETCH(QString, mentions);
    const QByteArray configText = "[profile keys]\naws_access_key_id = A\n"
                                  "aws_secret_access_key = B\n"
                                  "[profile broken]\nrole_arn = arn:aws:iam::1:role/Broken\n" +
                                  profileText;
    const auto plan = AwsConfig::fromText(configText, {}).credentialPlan(u"broken"_s);
    VERIFY_ERROR(plan, ErrorType::InvalidArgument);
    QVERIFY2(errorMessage(plan).contains(mentions) && errorMessage(plan).contains(u"broken"),
             qPrintable(errorMessage(plan)));
}

void TestAwsConfig::planSsoSession()
{
    const AwsConfig config = AwsConfig::fromText(
        "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
        "sso_role_name = ReadOnly\nregion = eu-west-1\n"
        "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
        "sso_region = us-east-2\nsso_registration_scopes = sso:account:access\n",
        {});
    const auto plan = config.credentialPlan(u"dev"_s);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->source.kind, CredentialSource::Kind::Sso);
    const SsoSettings &sso = plan->source.sso;
    QCOMPARE(sso.profile, u"dev"_s);
    QCOMPARE(sso.sessionName, u"corp"_s);
    QCOMPARE(sso.startUrl, u"https://corp.awsapps.com/start"_s);
    QCOMPARE(sso.region, u"us-east-2"_s);
    QCOMPARE(sso.accountId, u"111122223333"_s);
    QCOMPARE(sso.roleName, u"ReadOnly"_s);
    QCOMPARE(plan->region, u"eu-west-1"_s);
}

void TestAwsConfig::planSsoLegacy()
{
    const AwsConfig config = AwsConfig::fromText(
        "[profile old]\nsso_start_url = https://old.awsapps.com/start\nsso_region = us-west-2\n"
        "sso_account_id = 444455556666\nsso_role_name = Admin\n",
        {});
    const auto plan = config.credentialPlan(u"old"_s);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->source.kind, CredentialSource::Kind::Sso);
    QCOMPARE(plan->source.sso.sessionName, QString());
    QCOMPARE(plan->source.sso.startUrl, u"https://old.awsapps.com/start"_s);
    QCOMPARE(plan->source.sso.region, u"us-west-2"_s);
    QCOMPARE(plan->source.sso.accountId, u"444455556666"_s);
    QCOMPARE(plan->source.sso.roleName, u"Admin"_s);
}

void TestAwsConfig::planSsoAsRoleSource()
{
    const AwsConfig config = AwsConfig::fromText(
        "[profile sso]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = Base\n"
        "[profile admin]\nrole_arn = arn:aws:iam::2:role/Admin\nsource_profile = sso\n"
        "[sso-session corp]\nsso_start_url = https://corp\nsso_region = us-east-1\n",
        {});
    const auto plan = config.credentialPlan(u"admin"_s);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->source.kind, CredentialSource::Kind::Sso);
    QCOMPARE(plan->source.sso.profile, u"sso"_s);
    QCOMPARE(plan->roles.size(), 1);
    QCOMPARE(plan->roles[0].roleArn, u"arn:aws:iam::2:role/Admin"_s);
}

void TestAwsConfig::planSsoErrors_data()
{
    QTest::addColumn<QByteArray>("configText");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("session section missing")
        << QByteArray("[profile p]\nsso_session = gone\nsso_account_id = 1\nsso_role_name = R\n")
        << u"[sso-session gone]"_s;
    QTest::newRow("session without start URL")
        << QByteArray("[profile p]\nsso_session = s\nsso_account_id = 1\nsso_role_name = R\n"
                      "[sso-session s]\nsso_region = us-east-1\n")
        << u"sso_start_url"_s;
    QTest::newRow("profile without role")
        << QByteArray("[profile p]\nsso_session = s\nsso_account_id = 1\n"
                      "[sso-session s]\nsso_region = us-east-1\nsso_start_url = https://s\n")
        << u"sso_role_name"_s;
    QTest::newRow("legacy without region")
        << QByteArray("[profile p]\nsso_start_url = https://s\nsso_account_id = 1\n"
                      "sso_role_name = R\n")
        << u"sso_region"_s;
    QTest::newRow("profile contradicts session")
        << QByteArray("[profile p]\nsso_session = s\nsso_account_id = 1\nsso_role_name = R\n"
                      "sso_region = eu-west-1\n"
                      "[sso-session s]\nsso_region = us-east-1\nsso_start_url = https://s\n")
        << u"\"eu-west-1\""_s;
}

void TestAwsConfig::planSsoErrors()
{
    QFETCH(QByteArray, configText);
    QFETCH(QString, mentions);
    const auto plan = AwsConfig::fromText(configText, {}).credentialPlan(u"p"_s);
    VERIFY_ERROR(plan, ErrorType::InvalidArgument);
    QVERIFY2(errorMessage(plan).contains(mentions), qPrintable(errorMessage(plan)));
}

void TestAwsConfig::planNoCredentialsAnywhere()
{
    const auto plan = AwsConfig::fromText("[profile other]\nregion = x\n", {}).credentialPlan();
    VERIFY_ERROR(plan, ErrorType::MissingAuthenticationToken);
}

void TestAwsConfig::planUnknownProfile()
{
    const AwsConfig config =
        AwsConfig::fromText("[default]\nregion = x\n", {}, {{u"AWS_PROFILE"_s, u"typo"_s}});
    const auto fromEnvironment = config.credentialPlan();
    VERIFY_ERROR(fromEnvironment, ErrorType::InvalidArgument);
    QVERIFY2(errorMessage(fromEnvironment).contains(u"\"typo\""),
             qPrintable(errorMessage(fromEnvironment)));
    const auto explicitOne = config.credentialPlan(u"nope"_s);
    VERIFY_ERROR(explicitOne, ErrorType::InvalidArgument);
    QVERIFY2(errorMessage(explicitOne).contains(u"\"nope\""),
             qPrintable(errorMessage(explicitOne)));
}

void TestAwsConfig::planProfileWithoutCredentials()
{
    const AwsConfig config = AwsConfig::fromText(
        "[profile empty]\nregion = x\n"
        "[profile top]\nrole_arn = arn:aws:iam::1:role/T\nsource_profile = empty\n",
        {});
    for (const QString &profile : {u"empty"_s, u"top"_s}) {
        const auto plan = config.credentialPlan(profile);
        VERIFY_ERROR(plan, ErrorType::MissingAuthenticationToken);
        QVERIFY2(errorMessage(plan).contains(u"\"empty\" has no credentials"),
                 qPrintable(errorMessage(plan)));
    }
}

QTEST_GUILESS_MAIN(TestAwsConfig)
#include "tst_awsconfig.moc"
