<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="28"/>
        <source>Unlock the profile</source>
        <translation>解锁档案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="38"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="43"/>
        <source>Repeat it</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="49"/>
        <source>That passphrase is wrong. Try again.</source>
        <translation>口令不正确，请重试。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="55"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="55"/>
        <source>Set passphrase</source>
        <translation>设置口令</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="67"/>
        <source>The records and photos in %1 are encrypted on this laptop. This computer has no system key store to keep the key, so choose a passphrase (at least %2 characters). It is asked for at each start. Without it the data on this laptop cannot be opened; what was synced stays on the server.</source>
        <translation>%1 中的记录和照片在本机加密保存。这台电脑没有可用的系统密钥库来保管密钥，请设置一个口令（至少 %2 个字符），每次启动时输入。没有口令就无法打开本机上的数据；已同步的内容仍保存在服务器上。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="75"/>
        <source>Enter the passphrase of the encrypted profile %1.</source>
        <translation>请输入加密档案 %1 的口令。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="84"/>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>口令至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="89"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="91"/>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
</context>
</TS>
