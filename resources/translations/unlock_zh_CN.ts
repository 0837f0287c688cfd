<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EncryptingDialog</name>
    <message>
        <location filename="../../fieldapp/ui/unlock/encrypting.py" line="31"/>
        <source>Encrypting this laptop&apos;s data</source>
        <translation>正在加密本机数据</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/encrypting.py" line="37"/>
        <source>The ledger, records and photos on this laptop are being encrypted. This happens once. If the laptop is switched off, it continues at the next start; nothing is lost.</source>
        <translation>正在加密本机上的台账、记录和照片，只需进行一次。如果电脑中途关机，下次启动时会继续，数据不会丢失。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/encrypting.py" line="54"/>
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/encrypting.py" line="56"/>
        <source>Checking the encrypted database…</source>
        <translation>正在核对加密后的数据库…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/encrypting.py" line="59"/>
        <source>Encrypting photos: %1 of %2</source>
        <translation>正在加密照片：第 %1 张，共 %2 张</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="29"/>
        <source>Unlock the profile</source>
        <translation>解锁档案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="39"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="44"/>
        <source>Repeat it</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="50"/>
        <source>That passphrase is wrong. Try again.</source>
        <translation>口令不正确，请重试。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="56"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="56"/>
        <source>Set passphrase</source>
        <translation>设置口令</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="68"/>
        <source>The records and photos in %1 are encrypted on this laptop. This computer has no system key store to keep the key, so choose a passphrase (at least %2 characters). It is asked for at each start. Without it the data on this laptop cannot be opened; what was synced stays on the server.</source>
        <translation>%1 中的记录和照片在本机加密保存。这台电脑没有可用的系统密钥库来保管密钥，请设置一个口令（至少 %2 个字符），每次启动时输入。没有口令就无法打开本机上的数据；已同步的内容仍保存在服务器上。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="76"/>
        <source>Enter the passphrase of the encrypted profile %1.</source>
        <translation>请输入加密档案 %1 的口令。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="85"/>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>口令至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="90"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/unlock/dialog.py" line="92"/>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
</context>
</TS>
